package dev.tollgate.analytics.reprice;

import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Instant;

/**
 * Prices one event with the corrected catalog, by the stream processor's rules (newest entry in
 * effect at {@code occurred_at}, the configured fallback for an unknown model, an adjustment's own
 * amount), including its baseline cost. Must be safe to call from one thread at a time, millions of times.
 */
@FunctionalInterface
public interface EventPricing {
  PricedUsageEvent price(UsageEvent event, Instant pricedAt);
}
