package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.Budget;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The budgets of the tenants this task owns: kept in a changelogged store, indexed in memory by
 * tenant because every priced event looks its tenant's budgets up.
 */
final class BudgetBook {
  private final KeyValueStore<String, Budget> store;
  private final Map<String, Budget> byId = new HashMap<>();
  private final Map<String, List<Budget>> byTenant = new HashMap<>();

  BudgetBook(KeyValueStore<String, Budget> store) {
    this.store = store;
    try (KeyValueIterator<String, Budget> all = store.all()) {
      all.forEachRemaining(entry -> byId.put(entry.key, entry.value));
    }
    byId.values().forEach(this::index);
  }

  /** Applies the budget and returns the version it replaced, if any. */
  Budget put(Budget budget) {
    store.put(budget.getBudgetId(), budget);
    Budget previous = byId.put(budget.getBudgetId(), budget);
    if (previous != null) {
      unindex(previous);
    }
    index(budget);
    return previous;
  }

  Budget remove(String budgetId) {
    Budget previous = byId.remove(budgetId);
    if (previous != null) {
      store.delete(budgetId);
      unindex(previous);
    }
    return previous;
  }

  Budget get(String budgetId) {
    return byId.get(budgetId);
  }

  Collection<Budget> all() {
    return byId.values();
  }

  List<Budget> forTenant(String tenantId) {
    return byTenant.getOrDefault(tenantId, List.of());
  }

  private void index(Budget budget) {
    byTenant.computeIfAbsent(budget.getScope().getTenantId(), t -> new ArrayList<>()).add(budget);
  }

  private void unindex(Budget budget) {
    List<Budget> budgets = byTenant.get(budget.getScope().getTenantId());
    budgets.removeIf(b -> b.getBudgetId().equals(budget.getBudgetId()));
    if (budgets.isEmpty()) {
      byTenant.remove(budget.getScope().getTenantId());
    }
  }
}
