package dev.tollgate.processor;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** Events and price entries for the topology tests; prices in USD per million tokens. */
final class TestData {
  static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant MAR_1_10H = Instant.parse("2026-03-01T10:00:00Z");

  private TestData() {}

  /** A chat call of openai/gpt-4o: 1200 input and 300 output tokens. */
  static UsageEvent.Builder chat(String id) {
    return chat(id, "openai", "gpt-4o", MAR_1_10H);
  }

  static UsageEvent.Builder chat(String id, String provider, String model, Instant occurredAt) {
    return UsageEvent.newBuilder()
        .setEventId(id)
        .setOccurredAt(occurredAt)
        .setTenantId("acme")
        .setTeamId("search")
        .setUserId("u-1")
        .setFeature("assistant")
        .setProvider(provider)
        .setModel(model)
        .setInputTokens(1200)
        .setOutputTokens(300);
  }

  static PriceEntry.Builder price(String provider, String model, Instant from, String input, String output) {
    return PriceEntry.newBuilder()
        .setProvider(provider)
        .setModel(model)
        .setEffectiveFrom(from)
        .setInputPerMtok(usd(input))
        .setOutputPerMtok(usd(output));
  }

  /** A price at the scale of the schema's decimals. */
  static BigDecimal usd(String amount) {
    return new BigDecimal(amount).setScale(12);
  }
}
