package dev.tollgate.ingest.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.ingest.sdk.InvalidResponseException;

/** Reads token counts and names out of provider JSON, naming the field when one is unusable. */
final class JsonFields {
  private JsonFields() {}

  /** The count, or null when absent or JSON null. */
  static Long count(JsonNode parent, String name, String path) {
    JsonNode n = parent == null ? null : parent.get(name);
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 0) {
      throw new InvalidResponseException(path + "." + name, "must be an integer ≥ 0, got " + n);
    }
    return n.asLong();
  }

  static long required(JsonNode parent, String name, String path) {
    Long v = count(parent, name, path);
    if (v == null) {
      throw new InvalidResponseException(path + "." + name, "is required when " + path + " is present");
    }
    return v;
  }

  static long orZero(JsonNode parent, String name, String path) {
    Long v = count(parent, name, path);
    return v == null ? 0 : v;
  }

  /** The text of a string field, or null. */
  static String text(JsonNode parent, String name) {
    JsonNode n = parent == null ? null : parent.get(name);
    return n != null && n.isTextual() ? n.asText() : null;
  }

  static String firstNonBlank(String current, String candidate) {
    return current != null || candidate == null || candidate.isBlank() ? current : candidate;
  }

  /** Appends the text of a string field, if any. */
  static void appendText(StringBuilder out, JsonNode parent, String name) {
    String t = text(parent, name);
    if (t != null) {
      out.append(t);
    }
  }
}
