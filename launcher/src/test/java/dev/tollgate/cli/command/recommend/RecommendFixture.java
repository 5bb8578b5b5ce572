package dev.tollgate.cli.command.recommend;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.writer.internal.KafkaPosition;
import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.analytics.writer.internal.UsageRowEncoder;
import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * October 2026 of one tenant, in round numbers a reader can price by hand: {@code ticket-triage} sends
 * 10,000 calls of 500 input and 100 output tokens to gpt-4o; {@code faq} sends 1,000 calls of 2,000
 * input and 300 output tokens to claude-sonnet-4, spread evenly over 10 prompts.
 */
final class RecommendFixture {
  static final String TENANT = "acme";
  static final Instant FROM = Instant.parse("2026-10-02T00:00:00Z");

  private RecommendFixture() {}

  static List<PricedUsageEvent> events() {
    List<PricedUsageEvent> out = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      out.add(call(out.size(), "ticket-triage", price("openai", "gpt-4o", "2.50", "10.00", "1.25"), 500, 100, "triage-" + i));
    }
    for (int i = 0; i < 1_000; i++) {
      out.add(call(out.size(), "faq", price("anthropic", "claude-sonnet-4", "3.00", "15.00", "0.30"), 2_000, 300, "faq-" + i % 10));
    }
    return out;
  }

  static void insert(ClickHouseHttp clickHouse, String database) {
    RowBinary rows = new RowBinary(1 << 20);
    long offset = 0;
    for (PricedUsageEvent e : events()) {
      UsageRowEncoder.write(rows, e, new KafkaPosition("fixture", 0, offset++), e.getPricedAt());
    }
    clickHouse.insertRowBinary(database + ".usage_events", UsageRowEncoder.COLUMN_NAMES, rows.array(), rows.length());
  }

  private static PricedUsageEvent call(int n, String feature, PriceEntry price, long input, long output, String prompt) {
    // Calls every 4 minutes from 2 October on: 11,000 calls end on 1 November, inside a 30-day window ending then.
    Instant at = FROM.plusSeconds(n * 235L);
    UsageEvent event = UsageEvent.newBuilder().setEventId("fx-" + n).setOccurredAt(at).setTenantId(TENANT).setTeamId("support")
        .setUserId("u" + n % 7).setFeature(feature).setProvider(price.getProvider()).setModel(price.getModel())
        .setOperation("chat").setInputTokens(input).setOutputTokens(output).setRequestId("req-" + n).setPromptHash(prompt)
        .setAttributes(Map.of()).build();
    return PricedUsageEvent.newBuilder().setEvent(event).setCostUsd(CostCalculator.cost(event, price)).setPriceSource("catalog")
        .setPrice(price).setPricedAt(at).build();
  }

  static PriceEntry price(String provider, String model, String in, String out, String cached) {
    return PriceEntry.newBuilder().setProvider(provider).setModel(model).setEffectiveFrom(Instant.parse("2025-01-01T00:00:00Z"))
        .setInputPerMtok(scaled(in)).setOutputPerMtok(scaled(out)).setCachedInputPerMtok(scaled(cached))
        .setBatchDiscountPct(scaled("50")).build();
  }

  private static BigDecimal scaled(String value) {
    return new BigDecimal(value).setScale(CostCalculator.SCALE);
  }
}
