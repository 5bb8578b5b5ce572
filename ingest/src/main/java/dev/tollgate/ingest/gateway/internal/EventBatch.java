package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /v1/events}: one event (a JSON object) or a batch (a JSON array of events). */
public sealed interface EventBatch {
  record Items(List<JsonNode> items) implements EventBatch {}

  /** A body that cannot be a batch at all: answered with {@code status} and no item judged. */
  record Unusable(int status, String error, String message) implements EventBatch {}

  static EventBatch parse(byte[] body, int maxItems) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return new Unusable(400, "invalid_json", "the body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      return new Unusable(400, "invalid_json", "the body cannot be read as JSON: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      return new Unusable(400, "empty_body", "the body is empty; send one event (a JSON object) or a JSON array of events");
    }
    if (root.isObject()) {
      return new Items(List.of(root));
    }
    if (!root.isArray()) {
      return new Unusable(400, "invalid_body", "the body must be one event (a JSON object) or a JSON array of events");
    }
    if (root.isEmpty()) {
      return new Unusable(400, "empty_batch", "the batch is empty");
    }
    if (root.size() > maxItems) {
      return new Unusable(413, "batch_too_large",
          "the batch has " + root.size() + " events; at most " + maxItems + " per request");
    }
    List<JsonNode> items = new ArrayList<>(root.size());
    root.forEach(items::add);
    return new Items(items);
  }
}
