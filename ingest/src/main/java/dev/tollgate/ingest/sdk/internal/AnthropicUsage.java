package dev.tollgate.ingest.sdk.internal;

import static dev.tollgate.ingest.sdk.internal.JsonFields.appendText;
import static dev.tollgate.ingest.sdk.internal.JsonFields.firstNonBlank;
import static dev.tollgate.ingest.sdk.internal.JsonFields.orZero;
import static dev.tollgate.ingest.sdk.internal.JsonFields.required;
import static dev.tollgate.ingest.sdk.internal.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.ingest.sdk.internal.ParsedResponse.Counts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Anthropic's Messages API: a {@code message}, or its stream, whose {@code message_start} carries the
 * input usage and whose {@code message_delta} events carry cumulative counts (the output, and on newer
 * API versions the input fields again). See {@link dev.tollgate.ingest.sdk.Provider#ANTHROPIC} for
 * the mapping.
 */
final class AnthropicUsage {
  private AnthropicUsage() {}

  static ParsedResponse parse(List<JsonNode> chunks) {
    String model = null;
    String id = null;
    ObjectNode usage = null;
    StringBuilder completion = new StringBuilder();
    for (JsonNode c : chunks) {
      String type = text(c, "type");
      JsonNode message = "message".equals(type) ? c : "message_start".equals(type) ? c.path("message") : null;
      if (message != null) {
        model = firstNonBlank(model, text(message, "model"));
        id = firstNonBlank(id, text(message, "id"));
        usage = merge(usage, message.path("usage"));
        for (JsonNode block : message.path("content")) {
          appendBlock(completion, block);
        }
      } else if ("message_delta".equals(type)) {
        usage = merge(usage, c.path("usage"));
      } else if ("content_block_delta".equals(type)) {
        JsonNode delta = c.path("delta");
        appendText(completion, delta, "text");
        appendText(completion, delta, "thinking");
        appendText(completion, delta, "partial_json");
      }
    }
    return new ParsedResponse(model, id, usage == null ? null : counts(usage), completion.toString());
  }

  private static void appendBlock(StringBuilder out, JsonNode block) {
    appendText(out, block, "text");
    appendText(out, block, "thinking");
    if ("tool_use".equals(text(block, "type")) && block.has("input")) {
      out.append(block.get("input").toString());
    }
  }

  /** Later counts replace earlier ones field by field; a field a delta leaves out or sets to null stays. */
  private static ObjectNode merge(ObjectNode into, JsonNode update) {
    if (!update.isObject()) {
      return into;
    }
    ObjectNode merged = into == null ? JsonNodeFactory.instance.objectNode() : into;
    update.properties().forEach(e -> {
      if (!e.getValue().isNull()) {
        merged.set(e.getKey(), e.getValue());
      }
    });
    return merged;
  }

  private static Counts counts(JsonNode u) {
    long uncached = required(u, "input_tokens", "usage");
    long cacheWrites = orZero(u, "cache_creation_input_tokens", "usage");
    long cacheReads = orZero(u, "cache_read_input_tokens", "usage");
    long output = required(u, "output_tokens", "usage");
    long oneHourWrites = orZero(u.path("cache_creation"), "ephemeral_1h_input_tokens", "usage.cache_creation");
    Map<String, String> details = new LinkedHashMap<>();
    if (cacheWrites > 0) {
      details.put(Details.CACHE_CREATION_INPUT_TOKENS, Long.toString(cacheWrites));
    }
    if (oneHourWrites > 0) {
      details.put(Details.CACHE_CREATION_1H_INPUT_TOKENS, Long.toString(oneHourWrites));
    }
    return new Counts(uncached + cacheWrites + cacheReads, cacheReads, output, details);
  }
}
