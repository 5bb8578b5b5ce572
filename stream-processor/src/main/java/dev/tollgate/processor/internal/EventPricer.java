package dev.tollgate.processor.internal;

import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.processor.PriceFallback;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.validation.UsageEventValidator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prices one event at its {@code occurred_at} (DESIGN.md, "Price catalog" and "Unknown model").
 * No event is lost for want of a price: an unknown model is priced by the fallback, and an event
 * nothing applies to is emitted unpriced.
 */
public final class EventPricer {
  public static final String CATALOG = "catalog";
  public static final String FALLBACK = "fallback";
  public static final String ADJUSTMENT = "adjustment";
  public static final String UNPRICED = "unpriced";
  private static final Logger LOG = LoggerFactory.getLogger(EventPricer.class);
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(CostCalculator.SCALE);

  private final PriceFallback fallback;
  private final Set<String> warnedModels;

  /** {@code warnedModels} is shared by every pricer of the application, so each model is reported once. */
  public EventPricer(PriceFallback fallback, Set<String> warnedModels) {
    this.fallback = fallback;
    this.warnedModels = warnedModels;
  }

  public PricedUsageEvent price(UsageEvent event, PriceIndex catalog, Instant pricedAt) {
    PricedUsageEvent.Builder priced = PricedUsageEvent.newBuilder().setEvent(event).setPricedAt(pricedAt);
    if (UsageEventValidator.isAdjustment(event)) {
      return priced.setCostUsd(event.getAmountUsd().setScale(CostCalculator.SCALE, RoundingMode.UNNECESSARY))
          .setPriceSource(ADJUSTMENT).setPrice(null).build();
    }
    Optional<PriceEntry> listed = catalog.applicable(event.getProvider(), event.getModel(), event.getOccurredAt());
    if (listed.isPresent()) {
      return withPrice(priced, event, listed.get(), CATALOG, catalog);
    }
    Optional<PriceEntry> substitute = fallbackFor(event, catalog);
    warnOnce(event, substitute, catalog);
    if (substitute.isPresent()) {
      return withPrice(priced, event, substitute.get(), FALLBACK, catalog);
    }
    BaselinePricer.price(event, null, catalog)
        .ifPresent(baseline -> priced.setBaselineCostUsd(baseline.costUsd()).setBaselinePrice(baseline.price()));
    return priced.setCostUsd(ZERO).setPriceSource(UNPRICED).setPrice(null).build();
  }

  private Optional<PriceEntry> fallbackFor(UsageEvent event, PriceIndex catalog) {
    Instant at = event.getOccurredAt();
    if (fallback instanceof PriceFallback.FixedModel fixed) {
      return catalog.applicable(fixed.provider(), fixed.model(), at);
    }
    return catalog.dearestOfProvider(event.getProvider(), at).or(() -> catalog.dearestOverall(at));
  }

  private static PricedUsageEvent withPrice(PricedUsageEvent.Builder priced, UsageEvent event, PriceEntry entry,
      String source, PriceIndex catalog) {
    priced.setCostUsd(CostCalculator.cost(event, entry)).setPriceSource(source).setPrice(entry);
    BaselinePricer.price(event, entry, catalog)
        .ifPresent(baseline -> priced.setBaselineCostUsd(baseline.costUsd()).setBaselinePrice(baseline.price()));
    return priced.build();
  }

  private void warnOnce(UsageEvent event, Optional<PriceEntry> substitute, PriceIndex catalog) {
    String model = PriceKeys.modelPrefix(event.getProvider(), event.getModel());
    if (!warnedModels.add(model)) {
      return;
    }
    if (substitute.isPresent()) {
      LOG.warn("no price for {}/{} at {}: priced by the {} fallback, {}/{} (further events of this model are not reported)",
          event.getProvider(), event.getModel(), event.getOccurredAt(), fallback,
          substitute.get().getProvider(), substitute.get().getModel());
    } else {
      LOG.warn("no price for {}/{} at {} and no fallback applies ({}): emitted unpriced at cost 0"
              + " (further events of this model are not reported)",
          event.getProvider(), event.getModel(), event.getOccurredAt(),
          catalog.isEmpty() ? "the price catalog is empty"
              : "no entry the " + fallback + " fallback could use was in effect then");
    }
  }
}
