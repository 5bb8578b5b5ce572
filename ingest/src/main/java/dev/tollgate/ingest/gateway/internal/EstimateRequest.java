package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.schemas.validation.Violation;

/**
 * The body of {@code POST /v1/estimate}: {@code provider}, {@code model}, either {@code prompt} (counted
 * here) or {@code input_tokens}, and {@code max_output_tokens}. The OpenTelemetry names
 * {@code gen_ai.provider.name} / {@code gen_ai.system}, {@code gen_ai.request.model} and
 * {@code gen_ai.request.max_tokens} are read too.
 *
 * @param prompt null when {@code inputTokens} was given
 */
public record EstimateRequest(String provider, String model, String prompt, int inputTokens, int maxOutputTokens) {

  /** A body field that is missing or wrong, named as the caller would name it. */
  public static final class InvalidField extends Exception {
    private final transient Violation violation;

    InvalidField(String field, String reason) {
      super(field + ": " + reason);
      this.violation = new Violation(field, reason);
    }

    public Violation violation() {
      return violation;
    }
  }

  public static EstimateRequest read(JsonNode body) throws InvalidField {
    if (body == null || !body.isObject()) {
      throw new InvalidField(Violation.WHOLE_RECORD, "must be a JSON object");
    }
    String model = text(body, "model", "gen_ai.request.model");
    String provider = text(body, "provider", "gen_ai.provider.name", "gen_ai.system");
    if (provider != null && body.get("provider") == null) {
      provider = OtelNames.catalogProvider(provider, model);
    }
    if (provider == null) {
      throw new InvalidField("provider", "is required");
    }
    if (model == null) {
      throw new InvalidField("model", "is required");
    }
    String prompt = text(body, "prompt");
    boolean tokensGiven = present(body.get("input_tokens"));
    if (prompt != null && tokensGiven) {
      throw new InvalidField("input_tokens", "give either prompt or input_tokens, not both");
    }
    if (prompt == null && !tokensGiven) {
      throw new InvalidField("prompt", "is required unless input_tokens is given");
    }
    int inputTokens = tokensGiven ? count(body, "input_tokens") : 0;
    String maxName = present(body.get("max_output_tokens")) ? "max_output_tokens" : "gen_ai.request.max_tokens";
    if (!present(body.get(maxName))) {
      throw new InvalidField("max_output_tokens", "is required: the most the call may produce (the provider's max_tokens)");
    }
    return new EstimateRequest(provider, model, prompt, inputTokens, count(body, maxName));
  }

  /** The first of {@code names} present; it must be a non-blank string. */
  private static String text(JsonNode body, String... names) throws InvalidField {
    for (String name : names) {
      JsonNode v = body.get(name);
      if (!present(v)) {
        continue;
      }
      if (!v.isTextual() || v.textValue().isBlank()) {
        throw new InvalidField(name, "must be a non-empty string, got " + v);
      }
      return v.textValue();
    }
    return null;
  }

  private static int count(JsonNode body, String name) throws InvalidField {
    JsonNode v = body.get(name);
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
      throw new InvalidField(name, "must be an integer from 0 to " + Integer.MAX_VALUE + ", got " + v);
    }
    return v.intValue();
  }

  private static boolean present(JsonNode v) {
    return v != null && !v.isNull();
  }
}
