package dev.tollgate.analytics.reprice;

import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Prices events from a list of entries by the catalog's rules, by linear search: the newest entry in
 * effect, else the dearest of the provider (fallback), else unpriced; a baseline model at any provider.
 * The analytics module has no stream processor; this stands in for it in its tests.
 */
record CatalogPricing(List<PriceEntry> entries) implements EventPricing {
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(CostCalculator.SCALE);

  @Override
  public PricedUsageEvent price(UsageEvent event, Instant pricedAt) {
    PricedUsageEvent.Builder priced = PricedUsageEvent.newBuilder().setEvent(event).setPricedAt(pricedAt);
    if ("adjustment".equals(event.getOperation())) {
      return priced.setCostUsd(event.getAmountUsd().setScale(CostCalculator.SCALE)).setPriceSource("adjustment")
          .setPrice(null).build();
    }
    Optional<PriceEntry> listed = newest(event.getProvider(), event.getModel(), event.getOccurredAt());
    Optional<PriceEntry> entry = listed.or(() -> dearest(event.getProvider(), event.getOccurredAt()));
    baseline(event).ifPresent(b -> priced.setBaselineCostUsd(b.cost()).setBaselinePrice(b.price()));
    if (entry.isEmpty()) {
      return priced.setCostUsd(ZERO).setPriceSource("unpriced").setPrice(null).build();
    }
    return priced.setCostUsd(CostCalculator.cost(event, entry.get()))
        .setPriceSource(listed.isPresent() ? "catalog" : "fallback").setPrice(entry.get()).build();
  }

  private record Baseline(BigDecimal cost, PriceEntry price) {}

  private Optional<Baseline> baseline(UsageEvent event) {
    if (event.getBaselineModel() == null) {
      return Optional.empty();
    }
    return entries.stream()
        .filter(p -> p.getModel().equals(event.getBaselineModel()) && !p.getEffectiveFrom().isAfter(event.getOccurredAt()))
        .max(Comparator.comparing(PriceEntry::getEffectiveFrom))
        .map(p -> new Baseline(CostCalculator.cost(UsageEvent.newBuilder(event).setProvider(p.getProvider())
            .setModel(p.getModel()).setInputTokens(event.getBaselineInputTokens()).setCachedInputTokens(0L)
            .setOutputTokens(event.getBaselineOutputTokens()).build(), p), p));
  }

  private Optional<PriceEntry> newest(String provider, String model, Instant at) {
    return entries.stream()
        .filter(p -> p.getProvider().equals(provider) && p.getModel().equals(model) && !p.getEffectiveFrom().isAfter(at))
        .max(Comparator.comparing(PriceEntry::getEffectiveFrom));
  }

  private Optional<PriceEntry> dearest(String provider, Instant at) {
    return entries.stream()
        .filter(p -> p.getProvider().equals(provider) && !p.getEffectiveFrom().isAfter(at))
        .filter(p -> newest(provider, p.getModel(), at).orElseThrow() == p)
        .max(Comparator.comparing(PriceEntry::getOutputPerMtok).thenComparing(PriceEntry::getInputPerMtok));
  }
}
