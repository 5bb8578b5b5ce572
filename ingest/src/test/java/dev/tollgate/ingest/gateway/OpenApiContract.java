package dev.tollgate.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tollgate.ingest.gateway.internal.OpsEndpoints;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway's OpenAPI document, as a checker of real answers: each answer's status must be one the
 * document lists for the operation, its required headers must be there, and its JSON body must fit the
 * documented schema (types, required fields, enums, minimums, date-times, nullability, $ref, anyOf,
 * oneOf). Remembers which operation/status pairs it has seen, so that a test can demand them all.
 */
final class OpenApiContract {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private OpenApiContract(JsonNode document) {
    this.document = document;
  }

  static OpenApiContract load() {
    try {
      return new OpenApiContract(YAML.readTree(OpsEndpoints.openApiDocument()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode document() {
    return document;
  }

  /** Every {@code METHOD path status} the document lists. */
  Set<String> documented() {
    Set<String> all = new TreeSet<>();
    document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
        op.getValue().get("responses").fieldNames().forEachRemaining(status ->
            all.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + status))));
    return all;
  }

  Set<String> seen() {
    return new TreeSet<>(seen);
  }

  /** Asserts that the answer to {@code method path} is as documented; returns its body as JSON when it is JSON. */
  JsonNode check(String method, String path, HttpResponse<String> response) {
    String where = method + " " + path + " " + response.statusCode();
    JsonNode operation = document.path("paths").path(path).path(method.toLowerCase());
    assertThat(operation.isMissingNode()).as("%s is not documented", method + " " + path).isFalse();
    JsonNode answer = resolve(operation.path("responses").path(Integer.toString(response.statusCode())));
    assertThat(answer.isMissingNode()).as("status of %s is not documented; body %s", where, response.body()).isFalse();
    answer.path("headers").properties().forEach(h -> {
      JsonNode header = resolve(h.getValue());
      if (header.path("required").asBoolean(false)) {
        assertThat(response.headers().firstValue(h.getKey())).as("%s header %s", where, h.getKey()).isPresent();
        if ("integer".equals(header.path("schema").path("type").asText())) {
          assertThat(response.headers().firstValue(h.getKey()).get()).as("%s header %s", where, h.getKey()).matches("[0-9]+");
        }
      }
    });
    JsonNode content = answer.path("content");
    String mediaType = content.fieldNames().next();
    assertThat(response.headers().firstValue("Content-Type")).as("%s content type", where).hasValueSatisfying(
        type -> assertThat(type).startsWith(mediaType));
    seen.add(where);
    if (!"application/json".equals(mediaType)) {
      return null;
    }
    JsonNode body;
    try {
      body = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(where + ": body is not JSON: " + response.body(), e);
    }
    List<String> errors = new ArrayList<>();
    validate(body, content.path(mediaType).path("schema"), "$", errors);
    assertThat(errors).as("%s body %s", where, response.body()).isEmpty();
    return body;
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    return resolve(document.at(ref.asText().substring(1)));
  }

  private void validate(JsonNode value, JsonNode schemaOrRef, String at, List<String> errors) {
    JsonNode schema = resolve(schemaOrRef);
    if (value.isNull()) {
      if (!schema.path("nullable").asBoolean(false)) {
        errors.add(at + ": null where the schema does not allow it");
      }
      return;
    }
    if (schema.has("anyOf") || schema.has("oneOf")) {
      String keyword = schema.has("anyOf") ? "anyOf" : "oneOf";
      int matching = 0;
      List<String> why = new ArrayList<>();
      for (JsonNode option : schema.get(keyword)) {
        List<String> optionErrors = new ArrayList<>();
        validate(value, option, at, optionErrors);
        matching += optionErrors.isEmpty() ? 1 : 0;
        why.addAll(optionErrors);
      }
      if (matching == 0 || ("oneOf".equals(keyword) && matching > 1)) {
        errors.add(at + ": fits " + matching + " of the " + keyword + " schemas: " + why);
      }
      return;
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "object" -> validateObject(value, schema, at, errors);
      case "array" -> {
        if (!value.isArray()) {
          errors.add(at + ": expected an array, got " + value);
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          validate(value.get(i), schema.get("items"), at + "[" + i + "]", errors);
        }
      }
      case "string" -> validateString(value, schema, at, errors);
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          errors.add(at + ": expected an integer, got " + value);
        } else if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
          errors.add(at + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          errors.add(at + ": expected a number, got " + value);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          errors.add(at + ": expected a boolean, got " + value);
        }
      }
      default -> errors.add(at + ": the schema has no type this checker knows: " + schema);
    }
  }

  private void validateObject(JsonNode value, JsonNode schema, String at, List<String> errors) {
    if (!value.isObject()) {
      errors.add(at + ": expected an object, got " + value);
      return;
    }
    for (JsonNode required : schema.path("required")) {
      if (!value.has(required.asText())) {
        errors.add(at + ": required field " + required.asText() + " is missing");
      }
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      JsonNode property = schema.path("properties").get(field.getKey());
      if (property != null) {
        validate(field.getValue(), property, at + "." + field.getKey(), errors);
      } else if (schema.path("additionalProperties").isObject()) {
        validate(field.getValue(), schema.get("additionalProperties"), at + "." + field.getKey(), errors);
      }
    }
  }

  private static void validateString(JsonNode value, JsonNode schema, String at, List<String> errors) {
    if (!value.isTextual()) {
      errors.add(at + ": expected a string, got " + value);
      return;
    }
    if (schema.has("enum")) {
      List<String> allowed = new ArrayList<>();
      schema.get("enum").forEach(e -> allowed.add(e.asText()));
      if (!allowed.contains(value.textValue())) {
        errors.add(at + ": \"" + value.textValue() + "\" is not one of " + allowed);
      }
    }
    if ("date-time".equals(schema.path("format").asText())) {
      try {
        OffsetDateTime.parse(value.textValue());
      } catch (DateTimeParseException e) {
        errors.add(at + ": \"" + value.textValue() + "\" is not an RFC 3339 date-time");
      }
    }
  }
}
