package dev.tollgate.cli.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Writes the objects that {@code --json} options print, one per line. */
public final class JsonLines {
  // Whole decimals as 100, not 100.0: stripTrailingZeros, as BudgetJson uses it, gives them an exponent (1E+2).
  static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private JsonLines() {}

  /** The object on one line: JSON escapes every newline inside the values. */
  public static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** ISO-8601, e.g. {@code 2026-11-20T10:00:01Z}; null stays null. */
  public static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
