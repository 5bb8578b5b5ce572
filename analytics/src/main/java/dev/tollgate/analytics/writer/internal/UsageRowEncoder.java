package dev.tollgate.analytics.writer.internal;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One priced event as one {@code RowBinary} row of {@code usage_events}, for an insert that names
 * {@link #COLUMNS} explicitly. Absent optional strings become '' and absent optional numbers NULL,
 * as the table's columns expect. {@code inserted_at} is sent rather than left to its DEFAULT, so a
 * row says when the writer read it; {@code occurred_date} is MATERIALIZED and computed by the server.
 */
public final class UsageRowEncoder {
  /** The columns each row holds, in order, with the ClickHouse type each is written as. */
  public static final List<Column> COLUMNS = List.of(
      new Column("event_id", "String"),
      new Column("occurred_at", "DateTime('UTC')"),
      new Column("tenant_id", "String"),
      new Column("team_id", "String"),
      new Column("user_id", "String"),
      new Column("feature", "String"),
      new Column("provider", "String"),
      new Column("model", "String"),
      new Column("operation", "String"),
      new Column("input_tokens", "Int64"),
      new Column("cached_input_tokens", "Int64"),
      new Column("output_tokens", "Int64"),
      new Column("audio_seconds", "Nullable(Decimal(18, 3))"),
      new Column("batch", "UInt8"),
      new Column("estimated", "UInt8"),
      new Column("status", "String"),
      new Column("latency_ms", "Nullable(Int64)"),
      new Column("request_id", "String"),
      new Column("prompt_hash", "String"),
      new Column("attribute_keys", "Array(String)"),
      new Column("attribute_values", "Array(String)"),
      new Column("baseline_model", "String"),
      new Column("baseline_input_tokens", "Nullable(Int64)"),
      new Column("baseline_output_tokens", "Nullable(Int64)"),
      new Column("amount_usd", "Nullable(Decimal(38, 12))"),
      new Column("reason", "String"),
      new Column("reference", "String"),
      new Column("cost_usd", "Decimal(38, 12)"),
      new Column("price_source", "String"),
      new Column("price_model", "String"),
      new Column("price_effective_from", "Nullable(DateTime('UTC'))"),
      new Column("price_input_per_mtok", "Nullable(Decimal(38, 12))"),
      new Column("price_output_per_mtok", "Nullable(Decimal(38, 12))"),
      new Column("price_cached_input_per_mtok", "Nullable(Decimal(38, 12))"),
      new Column("price_per_audio_minute", "Nullable(Decimal(38, 12))"),
      new Column("price_batch_discount_pct", "Nullable(Decimal(38, 12))"),
      new Column("priced_at", "DateTime('UTC')"),
      new Column("kafka_topic", "String"),
      new Column("kafka_partition", "UInt32"),
      new Column("kafka_offset", "UInt64"),
      new Column("inserted_at", "DateTime('UTC')"),
      new Column("baseline_cost_usd", "Nullable(Decimal(38, 12))"));

  public static final List<String> COLUMN_NAMES = COLUMNS.stream().map(Column::name).toList();

  private static final int MONEY_SCALE = 12;
  private static final int AUDIO_SCALE = 3;
  private static final int NULL = 1;
  private static final int NOT_NULL = 0;

  /** A column of the insert and its ClickHouse type, spelled as in the DDL. */
  public record Column(String name, String type) {}

  private UsageRowEncoder() {}

  /**
   * Appends the row. A value the table cannot hold (a decimal with too many digits, a time outside
   * DateTime's range) is refused with an {@link IllegalArgumentException} naming the field, and the
   * buffer may then hold part of the row.
   */
  public static void write(RowBinary out, PricedUsageEvent priced, KafkaPosition position, Instant insertedAt) {
    UsageEvent e = priced.getEvent();
    out.string(e.getEventId());
    out.dateTime("occurred_at", e.getOccurredAt());
    out.string(e.getTenantId());
    optionalString(out, e.getTeamId());
    out.string(e.getUserId());
    out.string(e.getFeature());
    out.string(e.getProvider());
    out.string(e.getModel());
    optionalString(out, e.getOperation());
    out.int64(e.getInputTokens());
    out.int64(e.getCachedInputTokens());
    out.int64(e.getOutputTokens());
    optionalDecimal64(out, "audio_seconds", e.getAudioSeconds());
    out.uint8(e.getBatch() ? 1 : 0);
    out.uint8(e.getEstimated() ? 1 : 0);
    optionalString(out, e.getStatus());
    optionalInt64(out, e.getLatencyMs());
    optionalString(out, e.getRequestId());
    optionalString(out, e.getPromptHash());
    attributes(out, e.getAttributes());
    optionalString(out, e.getBaselineModel());
    optionalInt64(out, e.getBaselineInputTokens());
    optionalInt64(out, e.getBaselineOutputTokens());
    optionalMoney(out, "amount_usd", e.getAmountUsd());
    optionalString(out, e.getReason());
    optionalString(out, e.getReference());
    out.decimal128("cost_usd", priced.getCostUsd(), MONEY_SCALE);
    out.string(priced.getPriceSource());
    price(out, priced.getPrice());
    out.dateTime("priced_at", priced.getPricedAt());
    out.string(position.topic());
    out.uint32(position.partition());
    out.int64(position.offset());
    out.dateTime("inserted_at", insertedAt);
    optionalMoney(out, "baseline_cost_usd", priced.getBaselineCostUsd());
  }

  private static void price(RowBinary out, PriceEntry p) {
    if (p == null) {
      out.string("");
      for (int column = 0; column < 6; column++) {
        out.uint8(NULL);
      }
      return;
    }
    out.string(p.getModel());
    out.uint8(NOT_NULL);
    out.dateTime("price_effective_from", p.getEffectiveFrom());
    optionalMoney(out, "price_input_per_mtok", p.getInputPerMtok());
    optionalMoney(out, "price_output_per_mtok", p.getOutputPerMtok());
    optionalMoney(out, "price_cached_input_per_mtok", p.getCachedInputPerMtok());
    optionalMoney(out, "price_per_audio_minute", p.getPerAudioMinute());
    optionalMoney(out, "price_batch_discount_pct", p.getBatchDiscountPct());
  }

  private static void attributes(RowBinary out, Map<String, String> attributes) {
    Map<String, String> sorted = attributes == null ? Map.of() : new TreeMap<>(attributes);
    out.arraySize(sorted.size());
    for (String key : sorted.keySet()) {
      out.string(key);
    }
    out.arraySize(sorted.size());
    for (String value : sorted.values()) {
      optionalString(out, value);
    }
  }

  private static void optionalString(RowBinary out, String value) {
    out.string(value == null ? "" : value);
  }

  private static void optionalInt64(RowBinary out, Long value) {
    if (value == null) {
      out.uint8(NULL);
    } else {
      out.uint8(NOT_NULL);
      out.int64(value);
    }
  }

  private static void optionalDecimal64(RowBinary out, String field, BigDecimal value) {
    if (value == null) {
      out.uint8(NULL);
    } else {
      out.uint8(NOT_NULL);
      out.decimal64(field, value, AUDIO_SCALE);
    }
  }

  private static void optionalMoney(RowBinary out, String field, BigDecimal value) {
    if (value == null) {
      out.uint8(NULL);
    } else {
      out.uint8(NOT_NULL);
      out.decimal128(field, value, MONEY_SCALE);
    }
  }
}
