package dev.tollgate.ingest.guard.internal;

import dev.tollgate.schemas.avro.PriceEntry;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every entry of the price topic by key, kept by the thread that feeds the guard, which publishes a
 * new {@link PriceIndex} after each batch; only the models the batch touched get new arrays.
 */
final class PriceBook {
  private record ModelKey(String provider, String model) {}

  private final Map<String, PriceEntry> byKey = new HashMap<>();
  private final Map<ModelKey, Map<String, PriceEntry>> byModel = new HashMap<>();
  private volatile PriceIndex index = PriceIndex.EMPTY;

  PriceIndex index() {
    return index;
  }

  /** @param changes the newest entry of each price key in the batch; a null value removes the key */
  synchronized void apply(Map<String, PriceEntry> changes) {
    Set<ModelKey> touched = new HashSet<>();
    changes.forEach((key, entry) -> {
      PriceEntry old = entry == null ? byKey.remove(key) : byKey.put(key, entry);
      if (old != null) {
        ModelKey m = new ModelKey(old.getProvider(), old.getModel());
        byModel.get(m).remove(key);
        touched.add(m);
      }
      if (entry != null) {
        ModelKey m = new ModelKey(entry.getProvider(), entry.getModel());
        byModel.computeIfAbsent(m, k -> new HashMap<>()).put(key, entry);
        touched.add(m);
      }
    });
    publish(touched);
  }

  private void publish(Set<ModelKey> touched) {
    Map<String, Map<String, PriceEntry[]>> next = new HashMap<>(index.byProvider());
    for (ModelKey m : touched) {
      PriceEntry[] entries = byModel.getOrDefault(m, Map.of()).values().stream()
          .sorted(Comparator.comparing(PriceEntry::getEffectiveFrom))
          .toArray(PriceEntry[]::new);
      Map<String, PriceEntry[]> models = new HashMap<>(next.getOrDefault(m.provider(), Map.of()));
      if (entries.length == 0) {
        byModel.remove(m);
        models.remove(m.model());
      } else {
        models.put(m.model(), entries);
      }
      if (models.isEmpty()) {
        next.remove(m.provider());
      } else {
        next.put(m.provider(), models);
      }
    }
    index = new PriceIndex(next);
  }
}
