package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.PriceEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of the price catalog for lookups by provider, model and instant without a
 * store scan: each model's entries sorted by {@code effective_from}, found by binary search.
 */
public final class PriceIndex {
  /** Dearest first: by output price, then input price, then name so that ties resolve the same way every time. */
  static final Comparator<PriceEntry> DEAREST_FIRST = Comparator
      .comparing(PriceEntry::getOutputPerMtok)
      .thenComparing(PriceEntry::getInputPerMtok)
      .thenComparing(PriceEntry::getProvider, Comparator.reverseOrder())
      .thenComparing(PriceEntry::getModel, Comparator.reverseOrder())
      .reversed();

  private final Map<String, Map<String, ModelPrices>> byProvider;

  private PriceIndex(Map<String, Map<String, ModelPrices>> byProvider) {
    this.byProvider = byProvider;
  }

  public static PriceIndex of(Iterable<PriceEntry> entries) {
    Map<String, Map<String, List<PriceEntry>>> grouped = new HashMap<>();
    for (PriceEntry e : entries) {
      grouped.computeIfAbsent(e.getProvider(), p -> new HashMap<>())
          .computeIfAbsent(e.getModel(), m -> new ArrayList<>()).add(e);
    }
    Map<String, Map<String, ModelPrices>> index = new HashMap<>();
    grouped.forEach((provider, models) -> {
      Map<String, ModelPrices> byModel = new HashMap<>();
      models.forEach((model, list) -> byModel.put(model, ModelPrices.of(list)));
      index.put(provider, Map.copyOf(byModel));
    });
    return new PriceIndex(Map.copyOf(index));
  }

  public boolean isEmpty() {
    return byProvider.isEmpty();
  }

  /** The newest entry of the model with {@code effective_from <= at}. */
  public Optional<PriceEntry> applicable(String provider, String model, Instant at) {
    Map<String, ModelPrices> models = byProvider.get(provider);
    ModelPrices prices = models == null ? null : models.get(model);
    return prices == null ? Optional.empty() : Optional.ofNullable(prices.at(at.toEpochMilli()));
  }

  /**
   * The entry of a model of that name at any provider, for a name given without its provider; when
   * several providers list it, the first provider in alphabetical order, so the answer never varies.
   */
  public Optional<PriceEntry> applicableAtAnyProvider(String model, Instant at) {
    return byProvider.keySet().stream().sorted()
        .flatMap(provider -> applicable(provider, model, at).stream())
        .findFirst();
  }

  /** Of the provider's entries applicable at {@code at}, the dearest. */
  public Optional<PriceEntry> dearestOfProvider(String provider, Instant at) {
    return dearest(byProvider.getOrDefault(provider, Map.of()), at.toEpochMilli());
  }

  /** Of all entries applicable at {@code at}, the dearest. */
  public Optional<PriceEntry> dearestOverall(Instant at) {
    long t = at.toEpochMilli();
    return byProvider.values().stream()
        .flatMap(models -> dearest(models, t).stream())
        .min(DEAREST_FIRST);
  }

  private static Optional<PriceEntry> dearest(Map<String, ModelPrices> models, long at) {
    PriceEntry best = null;
    for (ModelPrices prices : models.values()) {
      PriceEntry candidate = prices.at(at);
      if (candidate != null && (best == null || DEAREST_FIRST.compare(candidate, best) < 0)) {
        best = candidate;
      }
    }
    return Optional.ofNullable(best);
  }

  /** One model's entries in {@code effective_from} order, with their dates unboxed for the search. */
  private record ModelPrices(long[] effectiveFrom, PriceEntry[] entries) {
    static ModelPrices of(List<PriceEntry> list) {
      PriceEntry[] sorted = list.toArray(PriceEntry[]::new);
      Arrays.sort(sorted, Comparator.comparing(PriceEntry::getEffectiveFrom));
      long[] from = new long[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        from[i] = sorted[i].getEffectiveFrom().toEpochMilli();
      }
      return new ModelPrices(from, sorted);
    }

    PriceEntry at(long instant) {
      int i = Arrays.binarySearch(effectiveFrom, instant);
      if (i < 0) {
        i = -i - 2;
      } else {
        while (i + 1 < effectiveFrom.length && effectiveFrom[i + 1] == instant) {
          i++;
        }
      }
      return i >= 0 ? entries[i] : null;
    }
  }
}
