package dev.tollgate.ingest.gateway.internal;

import dev.tollgate.schemas.avro.BudgetStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The newest status of every budget, by tenant, as the budget processor publishes them. The
 * follower's thread applies changes and publishes a new map; requests read it without locks.
 */
public final class BudgetStatusBook implements Consumer<Map<String, BudgetStatus>> {
  private final Map<String, BudgetStatus> byBudget = new HashMap<>();
  private volatile Map<String, List<BudgetStatus>> byTenant = Map.of();

  /** @param changes by budget_id; a null value (a tombstone) removes the budget */
  @Override
  public synchronized void accept(Map<String, BudgetStatus> changes) {
    changes.forEach((budgetId, status) -> {
      if (status == null) {
        byBudget.remove(budgetId);
      } else {
        byBudget.put(budgetId, status);
      }
    });
    Map<String, List<BudgetStatus>> next = new HashMap<>();
    for (BudgetStatus s : byBudget.values()) {
      next.computeIfAbsent(s.getScope().getTenantId(), t -> new ArrayList<>()).add(s);
    }
    next.values().forEach(list -> list.sort(Comparator.comparing(BudgetStatus::getBudgetId)));
    next.replaceAll((tenant, list) -> List.copyOf(list));
    byTenant = Map.copyOf(next);
  }

  /** The tenant's budgets by budget_id; empty until the processor has reported any. */
  public List<BudgetStatus> forTenant(String tenantId) {
    return byTenant.getOrDefault(tenantId, List.of());
  }
}
