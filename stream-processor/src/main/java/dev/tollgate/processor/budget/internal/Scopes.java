package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.BudgetScope;

/** A budget scope in words, for alert messages. */
final class Scopes {
  private Scopes() {}

  static String describe(BudgetScope scope) {
    StringBuilder text = new StringBuilder("tenant ").append(scope.getTenantId());
    if (scope.getTeamId() != null) {
      text.append(", team ").append(scope.getTeamId());
    }
    if (scope.getUserId() != null) {
      text.append(", user ").append(scope.getUserId());
    }
    if (scope.getFeature() != null) {
      text.append(", feature ").append(scope.getFeature());
    }
    return text.toString();
  }
}
