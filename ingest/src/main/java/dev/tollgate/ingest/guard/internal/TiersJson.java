package dev.tollgate.ingest.guard.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.ingest.guard.InvalidTiersException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads the JSON form of token tiers; the values are checked by {@code TokenTiers.of}. */
public final class TiersJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("tiers", "default_tier", "tenants");

  /** The fields as read; {@code defaultTier} null when absent. */
  public record Content(Map<String, Long> tiers, String defaultTier, Map<String, String> tenants) {}

  private TiersJson() {}

  public static Content read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidTiersException("(file)", "is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new InvalidTiersException("(file)", "must be a JSON object with \"tiers\", \"default_tier\" and \"tenants\"");
    }
    root.fieldNames().forEachRemaining(name -> {
      if (!FIELDS.contains(name)) {
        throw new InvalidTiersException(name, "is not a field of a tiers file; expected tiers, default_tier, tenants");
      }
    });
    return new Content(tiers(root.get("tiers")), defaultTier(root.get("default_tier")), tenants(root.get("tenants")));
  }

  private static Map<String, Long> tiers(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new InvalidTiersException("tiers", "is required");
    }
    if (!node.isObject()) {
      throw new InvalidTiersException("tiers", "must be an object of tier name to tokens per request, got " + node);
    }
    Map<String, Long> tiers = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() <= 0) {
        throw new InvalidTiersException("tiers." + e.getKey(), "must be a whole number of tokens > 0, got " + v);
      }
      tiers.put(e.getKey(), v.longValue());
    }
    return tiers;
  }

  private static String defaultTier(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidTiersException("default_tier", "must be the name of a tier, got " + node);
    }
    return node.textValue();
  }

  private static Map<String, String> tenants(JsonNode node) {
    Map<String, String> tenants = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return tenants;
    }
    if (!node.isObject()) {
      throw new InvalidTiersException("tenants", "must be an object of tenant id to tier name, got " + node);
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        throw new InvalidTiersException("tenants." + e.getKey(), "must be the name of a tier, got " + e.getValue());
      }
      tenants.put(e.getKey(), e.getValue().textValue());
    }
    return tenants;
  }
}
