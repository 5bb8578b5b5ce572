package dev.tollgate.processor.internal;

import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * What a call would have cost without its optimization: the event's {@code baseline_model} (same
 * provider first, else the model of that name at any provider, or an explicit {@code provider/model})
 * and its baseline token counts, priced at {@code occurred_at} like the call. A baseline input count
 * describes the call as it would have been sent without a cache, so none of its input is counted as
 * cached; a baseline that names only a model keeps the call's cached share, which the other model's
 * provider would have cached as well.
 */
final class BaselinePricer {
  private BaselinePricer() {}

  record Baseline(BigDecimal costUsd, PriceEntry price) {}

  static boolean hasBaseline(UsageEvent event) {
    return present(event.getBaselineModel()) || event.getBaselineInputTokens() != null
        || event.getBaselineOutputTokens() != null;
  }

  /**
   * Empty when the event names no baseline or no price applies to its baseline model. Without a
   * baseline model the baseline is priced with {@code callPrice}, the entry the call itself used.
   */
  static Optional<Baseline> price(UsageEvent event, PriceEntry callPrice, PriceIndex catalog) {
    if (!hasBaseline(event)) {
      return Optional.empty();
    }
    Optional<PriceEntry> price = present(event.getBaselineModel())
        ? priceOf(event.getBaselineModel().trim(), event, catalog) : Optional.ofNullable(callPrice);
    return price.map(p -> new Baseline(CostCalculator.cost(baselineCall(event, p), p), p));
  }

  /** The full name at the call's provider first, because model names may contain a slash themselves. */
  private static Optional<PriceEntry> priceOf(String model, UsageEvent event, PriceIndex catalog) {
    Instant at = event.getOccurredAt();
    Optional<PriceEntry> sameProvider = catalog.applicable(event.getProvider(), model, at);
    if (sameProvider.isPresent()) {
      return sameProvider;
    }
    int slash = model.indexOf('/');
    if (slash > 0) {
      Optional<PriceEntry> named = catalog.applicable(model.substring(0, slash), model.substring(slash + 1), at);
      if (named.isPresent()) {
        return named;
      }
    }
    return catalog.applicableAtAnyProvider(model, at);
  }

  private static UsageEvent baselineCall(UsageEvent event, PriceEntry price) {
    UsageEvent.Builder call = UsageEvent.newBuilder(event).setProvider(price.getProvider()).setModel(price.getModel());
    if (event.getBaselineInputTokens() != null) {
      call.setInputTokens(event.getBaselineInputTokens()).setCachedInputTokens(0L);
    }
    if (event.getBaselineOutputTokens() != null) {
      call.setOutputTokens(event.getBaselineOutputTokens());
    }
    return call.build();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
