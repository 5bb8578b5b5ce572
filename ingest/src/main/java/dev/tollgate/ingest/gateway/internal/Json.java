package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** The gateway's JSON: one mapper, and the shape of every error answer ({@code error} code and {@code message}). */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode error(String code, String message) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("error", code);
    n.put("message", message);
    return n;
  }

  /** Money and percentages as exact decimal strings, never JSON numbers that clients read as doubles. */
  public static String exact(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  public static String time(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
