package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.FallbackUse;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.avro.UsageSpend;

/** The part of a priced event that budgets count, and what an ops alert needs of a fallback-priced one. */
public final class SpendOfPriced {
  private SpendOfPriced() {}

  public static UsageSpend of(PricedUsageEvent priced) {
    UsageEvent event = priced.getEvent();
    return UsageSpend.newBuilder()
        .setTenantId(event.getTenantId())
        .setTeamId(event.getTeamId())
        .setUserId(event.getUserId())
        .setFeature(event.getFeature())
        .setOccurredAt(event.getOccurredAt())
        .setCostUsd(priced.getCostUsd())
        .setFallback(isFallback(priced) ? fallbackUse(event, priced.getPrice()) : null)
        .build();
  }

  public static boolean isFallback(PricedUsageEvent priced) {
    return EventPricer.FALLBACK.equals(priced.getPriceSource());
  }

  private static FallbackUse fallbackUse(UsageEvent event, PriceEntry used) {
    return FallbackUse.newBuilder()
        .setProvider(event.getProvider())
        .setModel(event.getModel())
        .setEventId(event.getEventId())
        .setPricedAs(used == null ? null : used.getProvider() + "/" + used.getModel())
        .build();
  }
}
