package dev.tollgate.ingest.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for OpenAI's Chat Completions endpoint: answers with a canned text in the documented
 * {@code chat.completion} shape, with the usage OpenAI would report for a one-message prompt
 * (the message's tokens plus the 7 tokens of the chat format).
 */
public final class SimulatedOpenAi implements ModelClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Encoding O200K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);
  private static final int CHAT_FORMAT_TOKENS = 7;
  private static final String ANSWER = "The contract renews automatically each year unless either party gives "
      + "written notice at least 60 days before the renewal date.";

  private final AtomicLong calls = new AtomicLong();

  @Override
  public String complete(String model, String prompt, int maxOutputTokens) {
    int promptTokens = O200K.countTokensOrdinary(prompt) + O200K.countTokensOrdinary("user") + CHAT_FORMAT_TOKENS;
    int completionTokens = Math.min(maxOutputTokens, O200K.countTokensOrdinary(ANSWER));
    ObjectNode body = MAPPER.createObjectNode()
        .put("id", "chatcmpl-sim" + calls.incrementAndGet())
        .put("object", "chat.completion")
        .put("created", System.currentTimeMillis() / 1000)
        .put("model", model);
    ObjectNode choice = body.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", ANSWER).putNull("refusal");
    ObjectNode usage = body.putObject("usage")
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    usage.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
    usage.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0);
    return body.toString();
  }
}
