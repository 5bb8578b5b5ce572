package dev.tollgate.ingest.guard.internal;

import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.PriceEntry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * What a guard knows of budget statuses and prices. The guard's consumer feeds it from the topics;
 * tests and benchmarks feed it directly. Each call publishes a new snapshot, so feed a poll's records
 * as one batch.
 */
public final class GuardFeed {
  private final StatusBook statuses = new StatusBook();
  private final PriceBook prices = new PriceBook();
  private final List<BiConsumer<String, BudgetStatus>> listeners = new CopyOnWriteArrayList<>();

  /** @param changes by {@code budget_id}; a null value (a tombstone) removes the budget */
  public void statuses(Map<String, BudgetStatus> changes) {
    if (!changes.isEmpty()) {
      statuses.apply(changes);
      listeners.forEach(listener -> changes.forEach(listener));
    }
  }

  /** Told of each status (null for a removed budget) once checks see it, on the feeding thread. */
  public void addStatusListener(BiConsumer<String, BudgetStatus> listener) {
    listeners.add(listener);
  }

  /** @param changes by price key ({@code PriceKeys}); a null value removes the entry */
  public void prices(Map<String, PriceEntry> changes) {
    if (!changes.isEmpty()) {
      prices.apply(changes);
    }
  }

  public StatusIndex statusIndex() {
    return statuses.index();
  }

  public PriceIndex priceIndex() {
    return prices.index();
  }
}
