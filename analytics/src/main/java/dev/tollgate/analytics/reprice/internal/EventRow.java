package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code usage_events} as read, fields still escaped, so that it can be written back
 * unchanged but for its pricing. The event is rebuilt as the writer stored it: '' back to absent for
 * optional strings, NULL to absent for optional numbers.
 */
public final class EventRow {
  private final EventColumns columns;
  private final String[] fields;

  public EventRow(EventColumns columns, String line) {
    this.columns = columns;
    this.fields = Tsv.split(line, columns.size());
  }

  public String raw(String column) {
    return fields[columns.indexOf(column)];
  }

  public String text(String column) {
    return Tsv.unescape(raw(column));
  }

  public UsageEvent toEvent() {
    Map<String, String> attributes = new LinkedHashMap<>();
    List<String> keys = Tsv.stringArray(raw("attribute_keys"));
    List<String> values = Tsv.stringArray(raw("attribute_values"));
    if (keys.size() != values.size()) {
      throw new IllegalArgumentException("event " + text("event_id") + ": " + keys.size() + " attribute keys but "
          + values.size() + " values");
    }
    for (int i = 0; i < keys.size(); i++) {
      attributes.put(keys.get(i), values.get(i));
    }
    return UsageEvent.newBuilder()
        .setEventId(text("event_id"))
        .setOccurredAt(Tsv.dateTime(raw("occurred_at")))
        .setTenantId(text("tenant_id"))
        .setTeamId(optional("team_id"))
        .setUserId(text("user_id"))
        .setFeature(text("feature"))
        .setProvider(text("provider"))
        .setModel(text("model"))
        .setInputTokens(Long.parseLong(raw("input_tokens")))
        .setOutputTokens(Long.parseLong(raw("output_tokens")))
        .setCachedInputTokens(Long.parseLong(raw("cached_input_tokens")))
        .setAudioSeconds(Tsv.decimal(raw("audio_seconds")))
        .setOperation(optional("operation"))
        .setBatch("1".equals(raw("batch")))
        .setEstimated("1".equals(raw("estimated")))
        .setStatus(optional("status"))
        .setLatencyMs(optionalLong("latency_ms"))
        .setRequestId(optional("request_id"))
        .setPromptHash(optional("prompt_hash"))
        .setAttributes(attributes)
        .setBaselineModel(optional("baseline_model"))
        .setBaselineInputTokens(optionalLong("baseline_input_tokens"))
        .setBaselineOutputTokens(optionalLong("baseline_output_tokens"))
        .setAmountUsd(Tsv.decimal(raw("amount_usd")))
        .setReason(optional("reason"))
        .setReference(optional("reference"))
        .build();
  }

  /** How the row is priced now. */
  public PriceOutcome outcome() {
    String effectiveFrom = raw("price_effective_from");
    return new PriceOutcome(new BigDecimal(raw("cost_usd")), Tsv.decimal(raw("baseline_cost_usd")),
        text("price_source"), text("price_model"), Tsv.NULL.equals(effectiveFrom) ? null : Tsv.dateTime(effectiveFrom),
        Tsv.decimal(raw("price_input_per_mtok")), Tsv.decimal(raw("price_output_per_mtok")),
        Tsv.decimal(raw("price_cached_input_per_mtok")), Tsv.decimal(raw("price_per_audio_minute")),
        Tsv.decimal(raw("price_batch_discount_pct")));
  }

  /** The row as a line to insert, priced by {@code outcome} at {@code pricedAt}; every other field as read. */
  public String repriced(PriceOutcome outcome, Instant pricedAt) {
    String[] out = fields.clone();
    set(out, "cost_usd", Tsv.money("cost_usd", outcome.costUsd()));
    set(out, "baseline_cost_usd", Tsv.money("baseline_cost_usd", outcome.baselineCostUsd()));
    set(out, "price_source", Tsv.escape(outcome.priceSource()));
    set(out, "price_model", Tsv.escape(outcome.priceModel()));
    set(out, "price_effective_from", outcome.priceEffectiveFrom() == null ? Tsv.NULL : Tsv.dateTime(outcome.priceEffectiveFrom()));
    set(out, "price_input_per_mtok", Tsv.money("price_input_per_mtok", outcome.inputPerMtok()));
    set(out, "price_output_per_mtok", Tsv.money("price_output_per_mtok", outcome.outputPerMtok()));
    set(out, "price_cached_input_per_mtok", Tsv.money("price_cached_input_per_mtok", outcome.cachedInputPerMtok()));
    set(out, "price_per_audio_minute", Tsv.money("price_per_audio_minute", outcome.perAudioMinute()));
    set(out, "price_batch_discount_pct", Tsv.money("price_batch_discount_pct", outcome.batchDiscountPct()));
    set(out, "priced_at", Tsv.dateTime(pricedAt));
    return String.join("\t", out);
  }

  private void set(String[] out, String column, String value) {
    out[columns.indexOf(column)] = value;
  }

  private String optional(String column) {
    String value = text(column);
    return value == null || value.isEmpty() ? null : value;
  }

  private Long optionalLong(String column) {
    String value = raw(column);
    return Tsv.NULL.equals(value) ? null : Long.parseLong(value);
  }
}
