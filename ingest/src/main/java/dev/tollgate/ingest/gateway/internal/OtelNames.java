package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.ingest.sdk.Provider;
import dev.tollgate.ingest.sdk.internal.ModelNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites an event given with OpenTelemetry GenAI semantic-convention names, or with
 * {@code tollgate.*} attribute names, into the contract's names, so that a service instrumented with
 * OpenTelemetry can send its span attributes as they are. A name is looked up at the top of the event,
 * then inside {@code attributes}; the contract's own name wins over any alias, and aliases are taken in
 * the order listed. Mapped names are removed from {@code attributes}; other dotted attributes whose
 * values are numbers or booleans are kept as their text (the contract's attributes are strings).
 */
public final class OtelNames {
  private static final String ATTRIBUTES = "attributes";
  private static final Map<String, List<String>> ALIASES = new LinkedHashMap<>();

  static {
    ALIASES.put("event_id", List.of("tollgate.event_id"));
    ALIASES.put("occurred_at", List.of("tollgate.occurred_at"));
    ALIASES.put("tenant_id", List.of("tollgate.tenant_id"));
    ALIASES.put("team_id", List.of("tollgate.team_id"));
    ALIASES.put("user_id", List.of("tollgate.user_id", "user.id", "enduser.id"));
    ALIASES.put("feature", List.of("tollgate.feature"));
    ALIASES.put("provider", List.of("gen_ai.provider.name", "gen_ai.system"));
    ALIASES.put("model", List.of("gen_ai.request.model", "gen_ai.response.model"));
    ALIASES.put("input_tokens", List.of("gen_ai.usage.input_tokens"));
    ALIASES.put("output_tokens", List.of("gen_ai.usage.output_tokens"));
    ALIASES.put("cached_input_tokens", List.of("gen_ai.usage.cache_read.input_tokens"));
    ALIASES.put("operation", List.of("gen_ai.operation.name"));
    ALIASES.put("request_id", List.of("gen_ai.response.id"));
  }

  private OtelNames() {}

  /** Every name this class maps, alias → contract name, for documentation and tests. */
  public static Map<String, String> aliases() {
    Map<String, String> all = new LinkedHashMap<>();
    ALIASES.forEach((field, names) -> names.forEach(name -> all.put(name, field)));
    return all;
  }

  /**
   * Rewrites {@code event} in place.
   *
   * @return for each contract field taken from an alias, the name the caller used (such as
   *     {@code gen_ai.usage.input_tokens} or {@code attributes.gen_ai.request.model}), to name it in errors
   */
  public static Map<String, String> normalize(ObjectNode event) {
    ObjectNode attributes = event.get(ATTRIBUTES) instanceof ObjectNode a ? a : null;
    if (!hasDottedName(event) && (attributes == null || !hasDottedName(attributes))) {
      return Map.of();
    }
    Map<String, String> sources = new HashMap<>();
    Map<String, String> kept = new LinkedHashMap<>();
    ALIASES.forEach((field, names) -> {
      String source = lift(event, attributes, field, names);
      if (source != null) {
        sources.put(field, source);
      }
    });
    catalogNames(event, sources, kept);
    if (attributes != null) {
      textOfDottedScalars(attributes);
      kept.forEach(attributes::put);
    } else if (!kept.isEmpty() && event.get(ATTRIBUTES) == null) {
      ObjectNode created = event.putObject(ATTRIBUTES);
      kept.forEach(created::put);
    }
    return sources;
  }

  private static boolean hasDottedName(ObjectNode node) {
    for (String name : (Iterable<String>) node::fieldNames) {
      if (name.indexOf('.') >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Moves the first alias present to {@code field} unless the field is given; drops the other aliases. */
  private static String lift(ObjectNode event, ObjectNode attributes, String field, List<String> names) {
    boolean given = present(event.get(field));
    String source = null;
    for (String name : names) {
      JsonNode top = event.remove(name);
      JsonNode nested = attributes == null ? null : attributes.remove(name);
      if (given || source != null) {
        continue;
      }
      if (present(top)) {
        event.set(field, top);
        source = name;
      } else if (present(nested)) {
        event.set(field, nested);
        source = ATTRIBUTES + "." + name;
      }
    }
    return source;
  }

  /**
   * Provider and model names as the price catalog has them: OpenTelemetry's {@code gcp.gemini} is
   * Google's Gemini, a Vertex AI model is Google's unless it is Claude, Azure OpenAI is priced as
   * OpenAI; a response model's dated snapshot is cut as the SDK does. The names sent are kept as
   * attributes.
   */
  private static void catalogNames(ObjectNode event, Map<String, String> sources, Map<String, String> kept) {
    String model = text(event, "model");
    String provider = text(event, "provider");
    if (provider != null && sources.containsKey("provider")) {
      String catalog = catalogProvider(provider, model);
      if (!catalog.equals(provider)) {
        event.put("provider", catalog);
        kept.put("gen_ai.provider.name", provider);
        provider = catalog;
      }
    }
    if (model != null && sources.getOrDefault("model", "").endsWith("gen_ai.response.model")) {
      String catalog = catalogModel(provider, model);
      if (!catalog.equals(model)) {
        event.put("model", catalog);
        kept.put("model_version", model);
      }
    }
    if ("embeddings".equals(text(event, "operation")) && sources.containsKey("operation")) {
      event.put("operation", "embedding");
    }
  }

  static String catalogProvider(String otelName, String model) {
    return switch (otelName) {
      case "gcp.gemini", "gcp.gen_ai", "gemini" -> "google";
      case "gcp.vertex_ai", "vertex_ai" -> model != null && model.startsWith("claude") ? "anthropic" : "google";
      case "azure.ai.openai", "az.ai.openai" -> "openai";
      default -> otelName;
    };
  }

  private static String catalogModel(String provider, String model) {
    for (Provider p : Provider.values()) {
      if (p.id().equals(provider)) {
        return ModelNames.catalogName(p, model);
      }
    }
    return model;
  }

  private static void textOfDottedScalars(ObjectNode attributes) {
    List<String> names = new ArrayList<>();
    attributes.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      JsonNode v = attributes.get(name);
      if (name.indexOf('.') >= 0 && (v.isNumber() || v.isBoolean())) {
        attributes.put(name, v.asText());
      }
    }
  }

  private static boolean present(JsonNode v) {
    return v != null && !v.isNull();
  }

  private static String text(ObjectNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}
