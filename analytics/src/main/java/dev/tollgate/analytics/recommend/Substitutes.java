package dev.tollgate.analytics.recommend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which cheaper models of the same provider may serve the short, simple calls of a dearer one, most
 * capable first. A price catalog cannot tell that: an embedding model, a speech model or a model a
 * generation older is cheap but does not answer a chat prompt as well, so someone who knows the
 * models writes this list (the default is {@code deploy/prices/substitutes.json}).
 *
 * <p>The file is a JSON array of {@code {"provider", "model", "substitutes": [models], "note"}}.
 */
public record Substitutes(Map<String, List<String>> byModel) {
  public static final Substitutes NONE = new Substitutes(Map.of());
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public Substitutes {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    byModel.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byModel = Map.copyOf(copy);
  }

  /** The substitutes of one model, most capable first; none when it has no entry. */
  public List<String> of(String provider, String model) {
    return byModel.getOrDefault(key(provider, model), List.of());
  }

  public static String key(String provider, String model) {
    return provider + "|" + model;
  }

  /** Reads the file's text; a mistake names the entry and the field. */
  public static Substitutes parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("substitutes: not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("substitutes: must be a JSON array of {provider, model, substitutes}");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(i);
      String provider = name(entry, i, "provider");
      String model = name(entry, i, "model");
      if (out.containsKey(key(provider, model))) {
        throw new IllegalArgumentException("substitutes entry " + i + ": " + provider + "/" + model + " is listed twice");
      }
      out.put(key(provider, model), models(entry, i, model));
    }
    return new Substitutes(out);
  }

  private static String name(JsonNode entry, int index, String field) {
    JsonNode value = entry == null ? null : entry.get(field);
    if (value == null || !value.isTextual() || value.textValue().isBlank()) {
      throw new IllegalArgumentException("substitutes entry " + index + ": " + field + " must be a non-empty string");
    }
    return value.textValue().trim();
  }

  private static List<String> models(JsonNode entry, int index, String model) {
    JsonNode list = entry.get("substitutes");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("substitutes entry " + index + ": substitutes must be a non-empty array of model names");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode m : list) {
      if (!m.isTextual() || m.textValue().isBlank()) {
        throw new IllegalArgumentException("substitutes entry " + index + ": substitutes must hold model names, got " + m);
      }
      if (m.textValue().trim().equals(model)) {
        throw new IllegalArgumentException("substitutes entry " + index + ": " + model + " cannot substitute itself");
      }
      out.add(m.textValue().trim());
    }
    return out;
  }
}
