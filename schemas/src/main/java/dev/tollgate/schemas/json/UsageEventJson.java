package dev.tollgate.schemas.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.validation.UsageEventValidator;
import dev.tollgate.schemas.validation.Violation;
import java.time.Instant;
import java.util.Optional;

/** Reads the JSON form of a usage event (DESIGN.md, "Usage event") and checks it. */
public final class UsageEventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private UsageEventJson() {}

  public static ParseResult<UsageEvent> parse(String json, Instant now) {
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return ParseResult.invalid(Violation.WHOLE_RECORD, "is not valid JSON: " + e.getOriginalMessage());
    }
    return parse(node, now);
  }

  public static ParseResult<UsageEvent> parse(JsonNode node, Instant now) {
    if (node == null || !node.isObject()) {
      return ParseResult.invalid(Violation.WHOLE_RECORD, "must be a JSON object");
    }
    try {
      UsageEvent event = read(new FieldReader(node));
      Optional<Violation> broken = UsageEventValidator.validate(event, now);
      return broken.<ParseResult<UsageEvent>>map(ParseResult.Invalid::new).orElseGet(() -> ParseResult.ok(event));
    } catch (InvalidFieldException e) {
      return new ParseResult.Invalid<>(e.violation());
    }
  }

  private static UsageEvent read(FieldReader f) {
    String eventId = f.requiredText("event_id");
    Instant occurredAt = f.requiredInstant("occurred_at");
    String tenantId = f.requiredText("tenant_id");
    boolean adjustment = UsageEventValidator.ADJUSTMENT.equals(f.optionalText("operation"));
    return UsageEvent.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(occurredAt)
        .setTenantId(tenantId)
        .setTeamId(f.optionalText("team_id"))
        .setUserId(adjustment ? orEmpty(f.optionalText("user_id")) : f.requiredText("user_id"))
        .setFeature(adjustment ? orEmpty(f.optionalText("feature")) : f.requiredText("feature"))
        .setProvider(adjustment ? orEmpty(f.optionalText("provider")) : f.requiredText("provider"))
        .setModel(adjustment ? orEmpty(f.optionalText("model")) : f.requiredText("model"))
        .setInputTokens(adjustment ? f.optionalCount("input_tokens", 0L) : f.requiredCount("input_tokens"))
        .setOutputTokens(adjustment ? f.optionalCount("output_tokens", 0L) : f.requiredCount("output_tokens"))
        .setCachedInputTokens(f.optionalCount("cached_input_tokens", 0L))
        .setAudioSeconds(f.optionalDecimal("audio_seconds", 3))
        .setOperation(f.optionalText("operation"))
        .setBatch(f.optionalBoolean("batch"))
        .setEstimated(f.optionalBoolean("estimated"))
        .setStatus(f.optionalText("status"))
        .setLatencyMs(f.optionalCount("latency_ms", null))
        .setRequestId(f.optionalText("request_id"))
        .setPromptHash(f.optionalText("prompt_hash"))
        .setAttributes(f.optionalStringMap("attributes"))
        .setBaselineModel(f.optionalText("baseline_model"))
        .setBaselineInputTokens(f.optionalCount("baseline_input_tokens", null))
        .setBaselineOutputTokens(f.optionalCount("baseline_output_tokens", null))
        .setAmountUsd(f.optionalDecimal("amount_usd", 12))
        .setReason(f.optionalText("reason"))
        .setReference(f.optionalText("reference"))
        .build();
  }

  /** The JSON form of an event, as {@code tollgate publish} reads it; absent optionals are left out. */
  public static String toJson(UsageEvent e) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("event_id", e.getEventId());
    n.put("occurred_at", e.getOccurredAt().toString());
    n.put("tenant_id", e.getTenantId());
    putIfSet(n, "team_id", e.getTeamId());
    n.put("user_id", e.getUserId());
    n.put("feature", e.getFeature());
    n.put("provider", e.getProvider());
    n.put("model", e.getModel());
    n.put("input_tokens", e.getInputTokens());
    n.put("output_tokens", e.getOutputTokens());
    if (e.getCachedInputTokens() != 0) n.put("cached_input_tokens", e.getCachedInputTokens());
    if (e.getAudioSeconds() != null) n.put("audio_seconds", e.getAudioSeconds());
    putIfSet(n, "operation", e.getOperation());
    if (e.getBatch()) n.put("batch", true);
    if (e.getEstimated()) n.put("estimated", true);
    putIfSet(n, "status", e.getStatus());
    if (e.getLatencyMs() != null) n.put("latency_ms", e.getLatencyMs());
    putIfSet(n, "request_id", e.getRequestId());
    putIfSet(n, "prompt_hash", e.getPromptHash());
    if (!e.getAttributes().isEmpty()) n.set("attributes", MAPPER.valueToTree(e.getAttributes()));
    putIfSet(n, "baseline_model", e.getBaselineModel());
    if (e.getBaselineInputTokens() != null) n.put("baseline_input_tokens", e.getBaselineInputTokens());
    if (e.getBaselineOutputTokens() != null) n.put("baseline_output_tokens", e.getBaselineOutputTokens());
    if (e.getAmountUsd() != null) n.put("amount_usd", e.getAmountUsd().stripTrailingZeros().toPlainString());
    putIfSet(n, "reason", e.getReason());
    putIfSet(n, "reference", e.getReference());
    return n.toString();
  }

  private static void putIfSet(ObjectNode n, String field, String value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
