package dev.tollgate.ingest.sdk.internal;

import static dev.tollgate.ingest.sdk.internal.JsonFields.appendText;
import static dev.tollgate.ingest.sdk.internal.JsonFields.firstNonBlank;
import static dev.tollgate.ingest.sdk.internal.JsonFields.orZero;
import static dev.tollgate.ingest.sdk.internal.JsonFields.required;
import static dev.tollgate.ingest.sdk.internal.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.ingest.sdk.internal.ParsedResponse.Counts;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's Chat Completions ({@code chat.completion}, streamed {@code chat.completion.chunk}) and
 * Responses API ({@code response}, streamed {@code response.*} events). See
 * {@link dev.tollgate.ingest.sdk.Provider#OPENAI} for the mapping.
 */
final class OpenAiUsage {
  private OpenAiUsage() {}

  static ParsedResponse parse(List<JsonNode> chunks) {
    return isResponsesApi(chunks) ? responses(chunks) : chat(chunks);
  }

  private static boolean isResponsesApi(List<JsonNode> chunks) {
    for (JsonNode c : chunks) {
      String type = text(c, "type");
      if ("response".equals(text(c, "object")) || type != null && type.startsWith("response.")) {
        return true;
      }
    }
    return false;
  }

  private static ParsedResponse chat(List<JsonNode> chunks) {
    String model = null;
    String id = null;
    JsonNode usage = null;
    StringBuilder completion = new StringBuilder();
    for (JsonNode c : chunks) {
      model = firstNonBlank(model, text(c, "model"));
      id = firstNonBlank(id, text(c, "id"));
      if (c.path("usage").isObject()) {
        usage = c.get("usage");
      }
      for (JsonNode choice : c.path("choices")) {
        appendMessage(completion, choice.path("message"));
        appendMessage(completion, choice.path("delta"));
      }
    }
    return new ParsedResponse(model, id, usage == null ? null : chatCounts(usage), completion.toString());
  }

  private static void appendMessage(StringBuilder out, JsonNode message) {
    appendText(out, message, "content");
    for (JsonNode call : message.path("tool_calls")) {
      appendText(out, call.path("function"), "arguments");
    }
  }

  private static Counts chatCounts(JsonNode u) {
    long input = required(u, "prompt_tokens", "usage");
    long output = required(u, "completion_tokens", "usage");
    long cached = orZero(u.path("prompt_tokens_details"), "cached_tokens", "usage.prompt_tokens_details");
    long reasoning = orZero(u.path("completion_tokens_details"), "reasoning_tokens", "usage.completion_tokens_details");
    return new Counts(input, cached, output, reasoningDetail(reasoning));
  }

  private static ParsedResponse responses(List<JsonNode> chunks) {
    JsonNode last = null;
    JsonNode usage = null;
    StringBuilder deltas = new StringBuilder();
    for (JsonNode c : chunks) {
      JsonNode response = "response".equals(text(c, "object")) ? c : c.path("response");
      if (response.isObject()) {
        last = response;
        usage = response.path("usage").isObject() ? response.get("usage") : usage;
      }
      String type = text(c, "type");
      if ("response.output_text.delta".equals(type) || "response.function_call_arguments.delta".equals(type)) {
        appendText(deltas, c, "delta");
      }
    }
    String completion = deltas.length() > 0 || last == null ? deltas.toString() : outputText(last);
    return new ParsedResponse(last == null ? null : text(last, "model"), last == null ? null : text(last, "id"),
        usage == null ? null : responsesCounts(usage), completion);
  }

  private static String outputText(JsonNode response) {
    StringBuilder out = new StringBuilder();
    for (JsonNode item : response.path("output")) {
      appendText(out, item, "arguments");
      for (JsonNode content : item.path("content")) {
        if ("output_text".equals(text(content, "type"))) {
          appendText(out, content, "text");
        }
      }
    }
    return out.toString();
  }

  private static Counts responsesCounts(JsonNode u) {
    long input = required(u, "input_tokens", "usage");
    long output = required(u, "output_tokens", "usage");
    long cached = orZero(u.path("input_tokens_details"), "cached_tokens", "usage.input_tokens_details");
    long reasoning = orZero(u.path("output_tokens_details"), "reasoning_tokens", "usage.output_tokens_details");
    return new Counts(input, cached, output, reasoningDetail(reasoning));
  }

  static Map<String, String> reasoningDetail(long reasoning) {
    return reasoning > 0 ? Map.of(Details.REASONING_TOKENS, Long.toString(reasoning)) : Map.of();
  }
}
