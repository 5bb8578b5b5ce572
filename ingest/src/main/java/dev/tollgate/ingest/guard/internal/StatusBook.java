package dev.tollgate.ingest.guard.internal;

import dev.tollgate.schemas.avro.BudgetStatus;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The latest status of every budget, kept by the thread that feeds the guard, which publishes a new
 * {@link StatusIndex} after each batch (copy-on-write: only the tenants the batch touched get new
 * arrays). Each budget keeps one {@link LocalAllowances} across its statuses.
 */
final class StatusBook {
  private final Map<String, BudgetEntry> byBudget = new HashMap<>();
  private final Map<String, TreeMap<String, BudgetEntry>> byTenant = new HashMap<>();
  private volatile StatusIndex index = StatusIndex.EMPTY;

  StatusIndex index() {
    return index;
  }

  /** @param changes the newest status of each budget in the batch; a null value removes the budget */
  synchronized void apply(Map<String, BudgetStatus> changes) {
    Set<String> touched = new HashSet<>();
    Map<LocalAllowances, Long> toSettle = new HashMap<>();
    changes.forEach((budgetId, status) -> {
      BudgetEntry old = byBudget.remove(budgetId);
      if (old != null) {
        byTenant.get(old.tenantId()).remove(budgetId);
        touched.add(old.tenantId());
      }
      if (status == null) {
        return;
      }
      LocalAllowances allowances = old != null ? old.allowances() : new LocalAllowances();
      BudgetEntry entry = BudgetEntry.of(status, allowances);
      byBudget.put(budgetId, entry);
      byTenant.computeIfAbsent(entry.tenantId(), t -> new TreeMap<>()).put(budgetId, entry);
      touched.add(entry.tenantId());
      toSettle.put(allowances, includedUpTo(status));
    });
    publish(touched);
    // After the swap: until then checks still see the old spend, which must keep its grants.
    toSettle.forEach(LocalAllowances::settle);
  }

  /** Grants up to here are counted in the status: those before its newest event, and any before its period. */
  private static long includedUpTo(BudgetStatus status) {
    long beforePeriod = status.getPeriodStart().toEpochMilli() - 1;
    return status.getLastEventAt() == null ? beforePeriod : Math.max(beforePeriod, status.getLastEventAt().toEpochMilli());
  }

  private void publish(Set<String> touched) {
    Map<String, BudgetEntry[]> next = new HashMap<>(index.byTenant());
    for (String tenant : touched) {
      TreeMap<String, BudgetEntry> entries = byTenant.get(tenant);
      if (entries == null || entries.isEmpty()) {
        byTenant.remove(tenant);
        next.remove(tenant);
      } else {
        next.put(tenant, entries.values().toArray(new BudgetEntry[0]));
      }
    }
    index = new StatusIndex(next);
  }
}
