package dev.tollgate.ingest.guard.internal;

import java.util.Map;

/**
 * The budget statuses of one moment, by tenant. Never changed once published: the consumer builds
 * the next one and swaps it in, so checks read it without locks.
 */
public final class StatusIndex {
  static final StatusIndex EMPTY = new StatusIndex(Map.of());
  private static final BudgetEntry[] NONE = new BudgetEntry[0];

  private final Map<String, BudgetEntry[]> byTenant;

  StatusIndex(Map<String, BudgetEntry[]> byTenant) {
    this.byTenant = byTenant;
  }

  /** The tenant's budgets; callers must not change the array. */
  public BudgetEntry[] forTenant(String tenantId) {
    BudgetEntry[] entries = byTenant.get(tenantId);
    return entries != null ? entries : NONE;
  }

  public int tenants() {
    return byTenant.size();
  }

  Map<String, BudgetEntry[]> byTenant() {
    return byTenant;
  }
}
