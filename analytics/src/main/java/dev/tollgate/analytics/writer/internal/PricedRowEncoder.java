package dev.tollgate.analytics.writer.internal;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One priced event as one JSONEachRow line of {@code usage_events}. Absent optional strings become
 * '' and absent optional numbers null, as the table's columns expect; the time a row is written
 * ({@code inserted_at}) is sent explicitly because 18.16 does not apply column defaults to omitted
 * JSON fields.
 */
public final class PricedRowEncoder {
  private static final int MONEY_SCALE = 12;
  private static final int AUDIO_SCALE = 3;

  private PricedRowEncoder() {}

  public static void write(JsonBytes out, PricedUsageEvent priced, KafkaPosition position, Instant insertedAt) {
    UsageEvent e = priced.getEvent();
    out.raw('{');
    name(out, "event_id", true).string(e.getEventId());
    name(out, "occurred_at").dateTime(e.getOccurredAt());
    name(out, "tenant_id").string(e.getTenantId());
    optionalString(name(out, "team_id"), e.getTeamId());
    name(out, "user_id").string(e.getUserId());
    name(out, "feature").string(e.getFeature());
    name(out, "provider").string(e.getProvider());
    name(out, "model").string(e.getModel());
    optionalString(name(out, "operation"), e.getOperation());
    name(out, "input_tokens").number(e.getInputTokens());
    name(out, "cached_input_tokens").number(e.getCachedInputTokens());
    name(out, "output_tokens").number(e.getOutputTokens());
    optionalDecimal(name(out, "audio_seconds"), e.getAudioSeconds(), AUDIO_SCALE);
    name(out, "batch").number(e.getBatch() ? 1 : 0);
    name(out, "estimated").number(e.getEstimated() ? 1 : 0);
    optionalString(name(out, "status"), e.getStatus());
    optionalNumber(name(out, "latency_ms"), e.getLatencyMs());
    optionalString(name(out, "request_id"), e.getRequestId());
    optionalString(name(out, "prompt_hash"), e.getPromptHash());
    attributes(out, e.getAttributes());
    optionalString(name(out, "baseline_model"), e.getBaselineModel());
    optionalNumber(name(out, "baseline_input_tokens"), e.getBaselineInputTokens());
    optionalNumber(name(out, "baseline_output_tokens"), e.getBaselineOutputTokens());
    optionalDecimal(name(out, "amount_usd"), e.getAmountUsd(), MONEY_SCALE);
    optionalString(name(out, "reason"), e.getReason());
    optionalString(name(out, "reference"), e.getReference());
    name(out, "cost_usd").decimal(priced.getCostUsd(), MONEY_SCALE);
    name(out, "price_source").string(priced.getPriceSource());
    price(out, priced.getPrice());
    name(out, "priced_at").dateTime(priced.getPricedAt());
    name(out, "kafka_topic").string(position.topic());
    name(out, "kafka_partition").number(position.partition());
    name(out, "kafka_offset").number(position.offset());
    name(out, "inserted_at").dateTime(insertedAt);
    out.raw('}');
    out.raw('\n');
  }

  private static void price(JsonBytes out, PriceEntry p) {
    optionalString(name(out, "price_model"), p == null ? null : p.getModel());
    if (p == null) {
      name(out, "price_effective_from").nullValue();
    } else {
      name(out, "price_effective_from").dateTime(p.getEffectiveFrom());
    }
    optionalDecimal(name(out, "price_input_per_mtok"), p == null ? null : p.getInputPerMtok(), MONEY_SCALE);
    optionalDecimal(name(out, "price_output_per_mtok"), p == null ? null : p.getOutputPerMtok(), MONEY_SCALE);
    optionalDecimal(name(out, "price_cached_input_per_mtok"), p == null ? null : p.getCachedInputPerMtok(), MONEY_SCALE);
    optionalDecimal(name(out, "price_per_audio_minute"), p == null ? null : p.getPerAudioMinute(), MONEY_SCALE);
    optionalDecimal(name(out, "price_batch_discount_pct"), p == null ? null : p.getBatchDiscountPct(), MONEY_SCALE);
  }

  private static void attributes(JsonBytes out, Map<String, String> attributes) {
    Map<String, String> sorted = attributes == null ? Map.of() : new TreeMap<>(attributes);
    name(out, "attribute_keys").raw('[');
    boolean first = true;
    for (String key : sorted.keySet()) {
      first = comma(out, first);
      out.string(key);
    }
    out.raw(']');
    name(out, "attribute_values").raw('[');
    first = true;
    for (String value : sorted.values()) {
      first = comma(out, first);
      out.string(value == null ? "" : value);
    }
    out.raw(']');
  }

  private static boolean comma(JsonBytes out, boolean first) {
    if (!first) {
      out.raw(',');
    }
    return false;
  }

  private static void optionalString(JsonBytes out, String value) {
    out.string(value == null ? "" : value);
  }

  private static void optionalNumber(JsonBytes out, Long value) {
    if (value == null) {
      out.nullValue();
    } else {
      out.number(value);
    }
  }

  private static void optionalDecimal(JsonBytes out, BigDecimal value, int scale) {
    if (value == null) {
      out.nullValue();
    } else {
      out.decimal(value, scale);
    }
  }

  private static JsonBytes name(JsonBytes out, String field) {
    return name(out, field, false);
  }

  private static JsonBytes name(JsonBytes out, String field, boolean first) {
    out.fieldName(field, first);
    return out;
  }
}
