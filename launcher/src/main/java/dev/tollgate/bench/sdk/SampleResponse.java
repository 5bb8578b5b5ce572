package dev.tollgate.bench.sdk;

/** A Chat Completions response as OpenAI documents it, read once before measuring. */
final class SampleResponse {
  static final String CHAT_COMPLETION = """
      {"id": "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG", "object": "chat.completion", "created": 1741570283,
       "model": "gpt-4o-2024-08-06",
       "choices": [{"index": 0, "message": {"role": "assistant", "content": "Renewal is automatic.", "refusal": null,
         "annotations": []}, "logprobs": null, "finish_reason": "stop"}],
       "usage": {"prompt_tokens": 2006, "completion_tokens": 300, "total_tokens": 2306,
         "prompt_tokens_details": {"cached_tokens": 1920, "audio_tokens": 0},
         "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0, "accepted_prediction_tokens": 0,
           "rejected_prediction_tokens": 0}},
       "service_tier": "default", "system_fingerprint": "fp_fc9f1d7035"}
      """;

  private SampleResponse() {}
}
