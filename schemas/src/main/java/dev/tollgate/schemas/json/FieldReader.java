package dev.tollgate.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed, contract-checked access to the fields of one JSON object. */
final class FieldReader {
  private final JsonNode node;

  FieldReader(JsonNode node) {
    this.node = node;
  }

  private JsonNode present(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  String requiredText(String field) {
    String v = optionalText(field);
    if (v == null || v.isBlank()) {
      throw new InvalidFieldException(field, "is required");
    }
    return v;
  }

  String optionalText(String field) {
    JsonNode v = present(field);
    if (v == null) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidFieldException(field, "must be a string, got " + v);
    }
    return v.textValue();
  }

  long requiredCount(String field) {
    if (present(field) == null) {
      throw new InvalidFieldException(field, "is required");
    }
    return optionalCount(field, 0L);
  }

  Long optionalCount(String field, Long absent) {
    JsonNode v = present(field);
    if (v == null) {
      return absent;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new InvalidFieldException(field, "must be an integer ≥ 0, got " + v);
    }
    if (v.longValue() < 0) {
      throw new InvalidFieldException(field, "must be an integer ≥ 0, got " + v);
    }
    return v.longValue();
  }

  boolean optionalBoolean(String field) {
    JsonNode v = present(field);
    if (v == null) {
      return false;
    }
    if (!v.isBoolean()) {
      throw new InvalidFieldException(field, "must be true or false, got " + v);
    }
    return v.booleanValue();
  }

  /** A decimal given as a JSON number or a decimal string, with at most {@code scale} decimals. */
  BigDecimal optionalDecimal(String field, int scale) {
    JsonNode v = present(field);
    if (v == null) {
      return null;
    }
    BigDecimal d;
    if (v.isNumber()) {
      d = v.decimalValue();
    } else if (v.isTextual()) {
      try {
        d = new BigDecimal(v.textValue().trim());
      } catch (NumberFormatException e) {
        throw new InvalidFieldException(field, "must be a decimal number, got " + v);
      }
    } else {
      throw new InvalidFieldException(field, "must be a decimal number, got " + v);
    }
    if (d.stripTrailingZeros().scale() > scale) {
      throw new InvalidFieldException(field, "has more than " + scale + " decimals: " + v);
    }
    return d.setScale(scale);
  }

  BigDecimal requiredDecimal(String field, int scale) {
    BigDecimal d = optionalDecimal(field, scale);
    if (d == null) {
      throw new InvalidFieldException(field, "is required");
    }
    return d;
  }

  /** An ISO-8601 instant with an offset, cut to the millisecond the schema keeps. */
  Instant requiredInstant(String field) {
    String text = requiredText(field);
    try {
      return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.MILLIS);
    } catch (DateTimeParseException e) {
      throw new InvalidFieldException(field, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got \"" + text + "\"");
    }
  }

  /** An ISO date (midnight UTC) or an ISO-8601 instant. */
  Instant requiredDateOrInstant(String field) {
    String text = requiredText(field);
    try {
      return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADate) {
      return requiredInstant(field);
    }
  }

  Map<String, String> optionalStringMap(String field) {
    JsonNode v = present(field);
    Map<String, String> map = new LinkedHashMap<>();
    if (v == null) {
      return map;
    }
    if (!v.isObject()) {
      throw new InvalidFieldException(field, "must be an object of strings, got " + v);
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().isTextual()) {
        throw new InvalidFieldException(field + "." + e.getKey(), "must be a string, got " + e.getValue());
      }
      map.put(e.getKey(), e.getValue().textValue());
    }
    return map;
  }

  /** A list of decimals, each a JSON number or a decimal string; {@code absent} when the field is missing. */
  List<BigDecimal> optionalDecimalList(String field, int scale, List<BigDecimal> absent) {
    JsonNode v = present(field);
    if (v == null) {
      return absent;
    }
    if (!v.isArray()) {
      throw new InvalidFieldException(field, "must be a JSON array of numbers, got " + v);
    }
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      FieldReader single = new FieldReader(new ObjectNode(JsonNodeFactory.instance, Map.of("v", item)));
      try {
        values.add(single.requiredDecimal("v", scale));
      } catch (InvalidFieldException e) {
        throw new InvalidFieldException(field + "[" + i + "]", e.violation().reason());
      }
    }
    return values;
  }

  /** The nested object of {@code field}; errors inside it name the field as {@code field.inner}. */
  FieldReader requiredObject(String field) {
    JsonNode v = present(field);
    if (v == null) {
      throw new InvalidFieldException(field, "is required");
    }
    if (!v.isObject()) {
      throw new InvalidFieldException(field, "must be a JSON object, got " + v);
    }
    return new FieldReader(v);
  }
}
