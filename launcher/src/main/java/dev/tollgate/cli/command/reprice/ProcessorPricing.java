package dev.tollgate.cli.command.reprice;

import dev.tollgate.analytics.reprice.EventPricing;
import dev.tollgate.config.Env;
import dev.tollgate.processor.PriceFallback;
import dev.tollgate.processor.ProcessorConfig;
import dev.tollgate.processor.internal.EventPricer;
import dev.tollgate.processor.internal.PriceIndex;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * The stream processor's own pricing over a catalog, with the fallback the processor is configured
 * with ({@code TOLLGATE_PRICE_FALLBACK}), so history is re-priced exactly as live events are priced.
 */
final class ProcessorPricing implements EventPricing {
  private final PriceIndex catalog;
  private final EventPricer pricer;

  ProcessorPricing(List<PriceEntry> entries, PriceFallback fallback) {
    this.catalog = PriceIndex.of(entries);
    this.pricer = new EventPricer(fallback, new HashSet<>());
  }

  static PriceFallback fallback(Env env) {
    try {
      return PriceFallback.parse(env.string(ProcessorConfig.PRICE_FALLBACK, PriceFallback.DEAREST));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(ProcessorConfig.PRICE_FALLBACK + ": " + e.getMessage(), e);
    }
  }

  @Override
  public PricedUsageEvent price(UsageEvent event, Instant pricedAt) {
    return pricer.price(event, catalog, pricedAt);
  }
}
