package dev.tollgate.ingest.sdk.internal;

import static dev.tollgate.ingest.sdk.internal.JsonFields.appendText;
import static dev.tollgate.ingest.sdk.internal.JsonFields.firstNonBlank;
import static dev.tollgate.ingest.sdk.internal.JsonFields.orZero;
import static dev.tollgate.ingest.sdk.internal.JsonFields.required;
import static dev.tollgate.ingest.sdk.internal.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.ingest.sdk.internal.ParsedResponse.Counts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gemini's {@code GenerateContentResponse}, whole or streamed; in a stream every chunk may carry
 * {@code usageMetadata} and the last one holds the totals. See
 * {@link dev.tollgate.ingest.sdk.Provider#GOOGLE} for the mapping.
 */
final class GeminiUsage {
  private static final String USAGE = "usageMetadata";

  private GeminiUsage() {}

  static ParsedResponse parse(List<JsonNode> chunks) {
    String model = null;
    String id = null;
    JsonNode usage = null;
    StringBuilder completion = new StringBuilder();
    for (JsonNode c : chunks) {
      model = firstNonBlank(model, text(c, "modelVersion"));
      id = firstNonBlank(id, text(c, "responseId"));
      if (c.path(USAGE).isObject()) {
        usage = c.get(USAGE);
      }
      for (JsonNode candidate : c.path("candidates")) {
        for (JsonNode part : candidate.path("content").path("parts")) {
          appendText(completion, part, "text");
          if (part.has("functionCall")) {
            completion.append(part.get("functionCall").path("args").toString());
          }
        }
      }
    }
    return new ParsedResponse(model, id, usage == null ? null : counts(usage), completion.toString());
  }

  private static Counts counts(JsonNode u) {
    long prompt = required(u, "promptTokenCount", USAGE);
    long toolPrompt = orZero(u, "toolUsePromptTokenCount", USAGE);
    long cached = orZero(u, "cachedContentTokenCount", USAGE);
    long candidates = orZero(u, "candidatesTokenCount", USAGE);
    long thoughts = orZero(u, "thoughtsTokenCount", USAGE);
    Map<String, String> details = new LinkedHashMap<>(OpenAiUsage.reasoningDetail(thoughts));
    if (toolPrompt > 0) {
      details.put(Details.TOOL_USE_PROMPT_TOKENS, Long.toString(toolPrompt));
    }
    return new Counts(prompt + toolPrompt, cached, candidates + thoughts, details);
  }
}
