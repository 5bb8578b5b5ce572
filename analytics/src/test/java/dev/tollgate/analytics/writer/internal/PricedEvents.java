package dev.tollgate.analytics.writer.internal;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;

/** Priced events for tests: a catalog-priced call and a refund. */
public final class PricedEvents {
  private PricedEvents() {}

  public static UsageEvent.Builder call(String id, Instant at) {
    return UsageEvent.newBuilder()
        .setEventId(id)
        .setOccurredAt(at)
        .setTenantId("acme")
        .setTeamId("search")
        .setUserId("u-1")
        .setFeature("chat")
        .setProvider("openai")
        .setModel("gpt-4o")
        .setInputTokens(1200)
        .setCachedInputTokens(200)
        .setOutputTokens(300);
  }

  public static PriceEntry gpt4o() {
    return PriceEntry.newBuilder()
        .setProvider("openai")
        .setModel("gpt-4o")
        .setEffectiveFrom(Instant.parse("2024-05-13T00:00:00Z"))
        .setInputPerMtok(new BigDecimal("2.500000000000"))
        .setOutputPerMtok(new BigDecimal("10.000000000000"))
        .setCachedInputPerMtok(new BigDecimal("1.250000000000"))
        .build();
  }

  public static PricedUsageEvent priced(UsageEvent event, String cost) {
    return PricedUsageEvent.newBuilder()
        .setEvent(event)
        .setCostUsd(new BigDecimal(cost))
        .setPriceSource("catalog")
        .setPrice(gpt4o())
        .setPricedAt(event.getOccurredAt().plusMillis(250))
        .build();
  }

  public static PricedUsageEvent refund(String id, Instant at, String amount) {
    UsageEvent event = call(id, at)
        .setOperation("adjustment")
        .setInputTokens(0)
        .setCachedInputTokens(0)
        .setOutputTokens(0)
        .setAmountUsd(new BigDecimal(amount))
        .setReason("outage credit")
        .setReference("INC-7")
        .build();
    return PricedUsageEvent.newBuilder()
        .setEvent(event)
        .setCostUsd(new BigDecimal(amount))
        .setPriceSource("adjustment")
        .setPrice(null)
        .setPricedAt(at)
        .build();
  }
}
