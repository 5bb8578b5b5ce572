package dev.tollgate.analytics.reprice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRowTest {
  private static final EventColumns COLUMNS = new EventColumns(withExtra(EventColumns.REQUIRED));

  @Test
  void shouldRebuildTheEventAsTheWriterStoredIt() {
    // given
    EventRow row = new EventRow(COLUMNS, line(Map.of()));

    // when
    UsageEvent event = row.toEvent();

    // then
    assertThat(event.getEventId()).isEqualTo("ev-1");
    assertThat(event.getOccurredAt()).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
    assertThat(event.getTeamId()).as("'' is no team").isNull();
    assertThat(event.getOperation()).isEqualTo("chat");
    assertThat(event.getInputTokens()).isEqualTo(1200);
    assertThat(event.getCachedInputTokens()).isEqualTo(200);
    assertThat(event.getAudioSeconds()).isEqualByComparingTo("1.5");
    assertThat(event.getBatch()).isTrue();
    assertThat(event.getLatencyMs()).isNull();
    assertThat(event.getAttributes()).containsExactly(Map.entry("note", "it's"), Map.entry("route", "a\tb"));
    assertThat(event.getBaselineModel()).isEqualTo("gpt-4o-mini");
    assertThat(event.getBaselineInputTokens()).isEqualTo(1200);
    assertThat(event.getAmountUsd()).isNull();
  }

  @Test
  void shouldReadTheCurrentPricingOfTheRow() {
    // when
    PriceOutcome outcome = new EventRow(COLUMNS, line(Map.of())).outcome();

    // then
    assertThat(outcome.costUsd()).isEqualByComparingTo("0.0055");
    assertThat(outcome.baselineCostUsd()).isNull();
    assertThat(outcome.label()).isEqualTo("catalog gpt-4o from 2024-08-06, 2.5 in / 10 out per Mtok");
    assertThat(outcome.cachedInputPerMtok()).isNull();
  }

  @Test
  void shouldRewriteOnlyThePricingAndKeepEveryOtherFieldAsRead() {
    // given
    EventRow row = new EventRow(COLUMNS, line(Map.of()));
    PriceEntry entry = PriceEntry.newBuilder().setProvider("openai").setModel("gpt-4o")
        .setEffectiveFrom(Instant.parse("2026-09-28T00:00:00Z")).setInputPerMtok(new BigDecimal("2.000000000000"))
        .setOutputPerMtok(new BigDecimal("8.000000000000")).build();
    PriceOutcome after = PriceOutcome.of(PricedUsageEvent.newBuilder().setEvent(row.toEvent())
        .setCostUsd(new BigDecimal("0.004400000000")).setBaselineCostUsd(new BigDecimal("0.000900000000"))
        .setPriceSource("catalog").setPrice(entry).setPricedAt(Instant.EPOCH).build());

    // when
    String[] out = Tsv.split(row.repriced(after, Instant.parse("2026-11-24T01:00:00Z")), COLUMNS.size());

    // then
    String[] in = Tsv.split(line(Map.of()), COLUMNS.size());
    for (int i = 0; i < in.length; i++) {
      String column = COLUMNS.names().get(i);
      switch (column) {
        case "cost_usd" -> assertThat(out[i]).isEqualTo("0.004400000000");
        case "baseline_cost_usd" -> assertThat(out[i]).isEqualTo("0.000900000000");
        case "price_effective_from" -> assertThat(out[i]).isEqualTo("2026-09-28 00:00:00");
        case "price_input_per_mtok" -> assertThat(out[i]).isEqualTo("2.000000000000");
        case "price_cached_input_per_mtok", "price_batch_discount_pct" -> assertThat(out[i]).isEqualTo("\\N");
        case "priced_at" -> assertThat(out[i]).isEqualTo("2026-11-24 01:00:00");
        case "price_output_per_mtok" -> assertThat(out[i]).isEqualTo("8.000000000000");
        default -> assertThat(out[i]).as(column).isEqualTo(in[i]);
      }
    }
    assertThat(after.sameAs(row.outcome())).isFalse();
  }

  @Test
  void shouldRefuseATableThatLacksAColumnRepricingNeeds() {
    assertThatThrownBy(() -> new EventColumns(List.of("event_id", "cost_usd")))
        .hasMessageContaining("baseline_cost_usd").hasMessageContaining("apply the current schema");
  }

  private static List<String> withExtra(List<String> columns) {
    List<String> out = new ArrayList<>(columns);
    out.add("kafka_offset");
    return out;
  }

  private static String line(Map<String, String> overrides) {
    Map<String, String> values = new java.util.HashMap<>(Map.ofEntries(
        Map.entry("event_id", "ev-1"), Map.entry("occurred_at", "2026-10-01 10:00:00"), Map.entry("tenant_id", "acme"),
        Map.entry("team_id", ""), Map.entry("user_id", "u-1"), Map.entry("feature", "chat"),
        Map.entry("provider", "openai"), Map.entry("model", "gpt-4o"), Map.entry("operation", "chat"),
        Map.entry("input_tokens", "1200"), Map.entry("cached_input_tokens", "200"), Map.entry("output_tokens", "300"),
        Map.entry("audio_seconds", "1.500"), Map.entry("batch", "1"), Map.entry("estimated", "0"),
        Map.entry("status", "ok"), Map.entry("latency_ms", "\\N"), Map.entry("request_id", "r-1"),
        Map.entry("prompt_hash", ""), Map.entry("attribute_keys", "['note','route']"),
        Map.entry("attribute_values", "['it\\'s','a\\tb']"), Map.entry("baseline_model", "gpt-4o-mini"),
        Map.entry("baseline_input_tokens", "1200"), Map.entry("baseline_output_tokens", "300"),
        Map.entry("amount_usd", "\\N"), Map.entry("reason", ""), Map.entry("reference", ""),
        Map.entry("cost_usd", "0.005500000000"), Map.entry("baseline_cost_usd", "\\N"), Map.entry("price_source", "catalog"),
        Map.entry("price_model", "gpt-4o"), Map.entry("price_effective_from", "2024-08-06 00:00:00"),
        Map.entry("price_input_per_mtok", "2.500000000000"), Map.entry("price_output_per_mtok", "10.000000000000"),
        Map.entry("price_cached_input_per_mtok", "\\N"), Map.entry("price_per_audio_minute", "\\N"),
        Map.entry("price_batch_discount_pct", "50.000000000000"), Map.entry("priced_at", "2026-10-01 10:00:02"),
        Map.entry("kafka_offset", "42")));
    values.putAll(overrides);
    return String.join("\t", COLUMNS.names().stream().map(values::get).toList());
  }
}
