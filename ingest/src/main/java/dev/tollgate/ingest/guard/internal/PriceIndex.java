package dev.tollgate.ingest.guard.internal;

import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The price catalog of one moment: each provider's models with their entries, oldest
 * {@code effective_from} first. Never changed once published.
 */
public final class PriceIndex {
  static final PriceIndex EMPTY = new PriceIndex(Map.of());
  private static final PriceEntry[] NONE = new PriceEntry[0];

  private final Map<String, Map<String, PriceEntry[]>> byProvider;

  PriceIndex(Map<String, Map<String, PriceEntry[]>> byProvider) {
    this.byProvider = byProvider;
  }

  /** The newest entry in effect at {@code nowMillis}; null when none is. */
  public PriceEntry at(String provider, String model, long nowMillis) {
    PriceEntry[] entries = array(provider, model);
    for (int i = entries.length - 1; i >= 0; i--) {
      if (entries[i].getEffectiveFrom().toEpochMilli() <= nowMillis) {
        return entries[i];
      }
    }
    return null;
  }

  /** Every entry of the model, oldest first; empty when the catalog does not know it. */
  public List<PriceEntry> entries(String provider, String model) {
    return List.of(array(provider, model));
  }

  /** The models the catalog prices for a provider. */
  public List<String> models(String provider) {
    Map<String, PriceEntry[]> models = byProvider.get(provider);
    return models == null ? List.of() : models.keySet().stream().sorted().toList();
  }

  /**
   * The exact cost of a call of these tokens under the entry in effect, no input cached, no batch
   * discount; null when no entry is in effect.
   */
  public BigDecimal cost(String provider, String model, long inputTokens, long outputTokens, long nowMillis) {
    PriceEntry price = at(provider, model, nowMillis);
    return price == null ? null : cost(price, inputTokens, outputTokens);
  }

  public static BigDecimal cost(PriceEntry price, long inputTokens, long outputTokens) {
    UsageEvent call = new UsageEvent();
    call.setInputTokens(inputTokens);
    call.setOutputTokens(outputTokens);
    return CostCalculator.cost(call, price);
  }

  private PriceEntry[] array(String provider, String model) {
    Map<String, PriceEntry[]> models = byProvider.get(provider);
    PriceEntry[] entries = models == null ? null : models.get(model);
    return entries != null ? entries : NONE;
  }

  Map<String, Map<String, PriceEntry[]>> byProvider() {
    return byProvider;
  }
}
