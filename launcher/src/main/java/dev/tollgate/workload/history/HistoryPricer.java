package dev.tollgate.workload.history;

import dev.tollgate.processor.PriceFallback;
import dev.tollgate.processor.internal.EventPricer;
import dev.tollgate.processor.internal.PriceIndex;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.PriceCatalogJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prices generated events as the stream processor prices live ones, with its own pricer and catalog
 * index: the newest entry in effect at {@code occurred_at}, the processor's default fallback for a
 * model the catalog did not list yet, and an adjustment's own amount.
 */
public final class HistoryPricer {
  /** How long after a call the processor priced it. */
  static final Duration PRICING_LAG = Duration.ofSeconds(2);

  private final PriceIndex catalog;
  private final EventPricer pricer = new EventPricer(PriceFallback.dearest(), ConcurrentHashMap.newKeySet());

  public HistoryPricer(List<PriceEntry> entries) {
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("the price catalog has no entries");
    }
    this.catalog = PriceIndex.of(entries);
  }

  /** Reads a catalog file; any entry it cannot read makes the whole file refused, naming the entry. */
  public static HistoryPricer fromFile(Path file) throws IOException {
    PriceCatalogJson.Catalog parsed = PriceCatalogJson.parse(Files.readString(file));
    if (!parsed.errors().isEmpty()) {
      throw new IllegalArgumentException("the price catalog " + file + " is invalid: " + parsed.errors());
    }
    return new HistoryPricer(parsed.entries());
  }

  /** The event priced {@link #PRICING_LAG} after it occurred, but never after {@code latest}. */
  public PricedUsageEvent price(UsageEvent event, Instant latest) {
    Instant pricedAt = event.getOccurredAt().plus(PRICING_LAG);
    return pricer.price(event, catalog, pricedAt.isAfter(latest) ? latest : pricedAt);
  }
}
