package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetStatus;

/** What the budget processor emits, keyed by {@code budget_id}. */
public sealed interface BudgetOutput {

  record AlertRaised(Alert alert) implements BudgetOutput {}

  record StatusChanged(BudgetStatus status) implements BudgetOutput {}

  /** The budget was removed: its status is deleted from the compacted topic. */
  record StatusRemoved() implements BudgetOutput {}
}
