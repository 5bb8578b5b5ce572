package dev.tollgate.analytics.recommend.internal;

import dev.tollgate.schemas.avro.PriceEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The price of a model at an instant: the newest catalog entry with {@code effective_from <= at}, as the processor prices. */
public final class PriceLookup {
  private final Map<String, List<PriceEntry>> byModel = new HashMap<>();

  public PriceLookup(List<PriceEntry> catalog) {
    for (PriceEntry e : catalog) {
      byModel.computeIfAbsent(e.getProvider() + "|" + e.getModel(), k -> new ArrayList<>()).add(e);
    }
  }

  public Optional<PriceEntry> at(String provider, String model, Instant at) {
    PriceEntry newest = null;
    for (PriceEntry e : byModel.getOrDefault(provider + "|" + model, List.of())) {
      if (!e.getEffectiveFrom().isAfter(at) && (newest == null || e.getEffectiveFrom().isAfter(newest.getEffectiveFrom()))) {
        newest = e;
      }
    }
    return Optional.ofNullable(newest);
  }
}
