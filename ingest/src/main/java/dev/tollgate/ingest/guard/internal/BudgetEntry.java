package dev.tollgate.ingest.guard.internal;

import dev.tollgate.ingest.guard.CallRequest;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.math.BigDecimal;

/**
 * One budget status as the hot path needs it: matching fields, the verdict parts and the texts
 * worked out when the status arrived, and the guard's own allowances against the budget.
 *
 * @param headroomUsd limit − spend as reported; zero or below once the limit is reached
 * @param allowances shared by every entry of the same budget, so grants survive status updates
 */
public record BudgetEntry(
    String budgetId,
    String tenantId,
    String teamId,
    String userId,
    String feature,
    long periodStartMillis,
    long periodEndMillis,
    boolean hard,
    boolean blocked,
    boolean degrades,
    String degradeToModel,
    BigDecimal headroomUsd,
    BigDecimal percent,
    String exhaustedReason,
    String degradedReason,
    LocalAllowances allowances) {

  static BudgetEntry of(BudgetStatus s, LocalAllowances allowances) {
    BudgetScope scope = s.getScope();
    boolean hard = "hard".equals(s.getEnforcement());
    boolean blocked = "blocked".equals(s.getState());
    boolean degrades = s.getDegradeToModel() != null && ("degrade".equals(s.getState()) || (blocked && !hard));
    return new BudgetEntry(s.getBudgetId(), scope.getTenantId(), scope.getTeamId(), scope.getUserId(), scope.getFeature(),
        s.getPeriodStart().toEpochMilli(), s.getPeriodEnd().toEpochMilli(),
        hard, blocked, degrades, s.getDegradeToModel(),
        s.getLimitUsd().subtract(s.getSpendUsd()), s.getPercent(),
        BudgetTexts.exhausted(s), degrades ? BudgetTexts.degraded(s) : null, allowances);
  }

  /** Scope fields left null in the budget match anything; the tenant is matched by the index. */
  public boolean appliesTo(CallRequest r, long nowMillis) {
    return nowMillis >= periodStartMillis && nowMillis < periodEndMillis
        && (teamId == null || teamId.equals(r.teamId()))
        && (userId == null || userId.equals(r.userId()))
        && (feature == null || feature.equals(r.feature()));
  }

  /** A hard budget whose reported spend, plus what this guard allowed since, reaches its limit. */
  public boolean exhausted() {
    return hard && (blocked || allowances.pending().compareTo(headroomUsd) >= 0);
  }

  /** A budget that sends calls to another model, and this call is not on that model yet. */
  public boolean degrades(CallRequest r) {
    return degrades && !degradeToModel.equals(r.model());
  }
}
