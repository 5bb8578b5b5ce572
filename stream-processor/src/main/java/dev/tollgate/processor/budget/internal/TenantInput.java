package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.Budget;
import java.math.BigDecimal;

/**
 * What the per-tenant budget processor consumes, keyed by {@code tenant_id}: the spend of one
 * priced event, or a budget applied or removed. One type so that both arrive through one
 * processor, which keeps each tenant's budgets and spend together.
 */
public sealed interface TenantInput {

  /** The cost of one priced event and the attribution the budget scopes match on. */
  record Spend(long occurredAt, String teamId, String userId, String feature, BigDecimal cost) implements TenantInput {}

  /** A budget applied ({@code budget} set) or removed ({@code budget} null). */
  record BudgetChange(String budgetId, Budget budget) implements TenantInput {}
}
