package dev.tollgate.ingest.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.ingest.sdk.InvalidResponseException;
import dev.tollgate.ingest.sdk.Prompt;
import dev.tollgate.ingest.sdk.Provider;
import dev.tollgate.ingest.sdk.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a provider's response JSON into a {@link Usage}: the tokens it reports, or a jtokkit count. */
public final class UsageReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private UsageReader() {}

  /**
   * @param chunks the response body, or the data of each stream event
   * @param completionText the completion when only its text is known; null to read it from the chunks
   * @param model the model to record; null for the one the response names
   */
  public static Usage read(Provider provider, List<String> chunks, String completionText, String model, Prompt prompt) {
    ParsedResponse parsed;
    if (completionText != null) {
      parsed = new ParsedResponse(null, null, null, completionText);
    } else {
      List<JsonNode> nodes = parse(chunks);
      refuseError(nodes);
      parsed = switch (provider) {
        case OPENAI -> OpenAiUsage.parse(nodes);
        case ANTHROPIC -> AnthropicUsage.parse(nodes);
        case GOOGLE -> GeminiUsage.parse(nodes);
      };
    }
    String recorded = model != null ? model : ModelNames.catalogName(provider, parsed.model());
    Map<String, String> version = model == null && parsed.model() != null && !parsed.model().equals(recorded)
        ? Map.of(Details.MODEL_VERSION, parsed.model()) : Map.of();
    ParsedResponse.Counts c = parsed.counts();
    if (c != null) {
      return new Usage(provider.id(), recorded, c.input(), c.cached(), c.output(), false, parsed.responseId(),
          Maps.merged(c.details(), version));
    }
    long input = TokenCounter.count(provider, recorded, prompt);
    long output = TokenCounter.count(recorded, parsed.completionText());
    Map<String, String> details = Maps.merged(version,
        Map.of(Details.ESTIMATED_WITH, "jtokkit " + TokenCounter.encodingFor(recorded).getName()));
    return new Usage(provider.id(), recorded, input, 0, output, true, parsed.responseId(), details);
  }

  private static List<JsonNode> parse(List<String> chunks) {
    if (chunks.isEmpty()) {
      throw new InvalidResponseException("response", "is empty");
    }
    List<JsonNode> nodes = new ArrayList<>(chunks.size());
    for (int i = 0; i < chunks.size(); i++) {
      String field = chunks.size() == 1 ? "response" : "response[" + i + "]";
      JsonNode node = readTree(chunks.get(i), field);
      if (node.isArray()) {
        node.forEach(nodes::add);
      } else if (node.isObject()) {
        nodes.add(node);
      } else {
        throw new InvalidResponseException(field, "must be a JSON object or an array of them");
      }
    }
    return nodes;
  }

  private static JsonNode readTree(String json, String field) {
    if (json == null || json.isBlank()) {
      throw new InvalidResponseException(field, "is empty");
    }
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidResponseException(field, "is not valid JSON: " + e.getOriginalMessage());
    }
  }

  /** An error body is not a response: what it cost, if anything, is for the caller to say. */
  private static void refuseError(List<JsonNode> nodes) {
    if (nodes.size() == 1 && nodes.get(0).path("error").isObject()) {
      JsonNode error = nodes.get(0).get("error");
      throw new InvalidResponseException("error", "the provider answered with an error, not a response: "
          + error.path("message").asText(error.toString()));
    }
  }
}
