package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** What a budget's spend in a period means: the thresholds crossed, the state, the status. */
public final class BudgetRules {
  public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final int MONEY_SCALE = 12;

  private BudgetRules() {}

  /** The state with the newly crossed thresholds marked, and one alert per threshold crossed. */
  public record Evaluation(PeriodState state, List<Alert> alerts) {}

  public static Evaluation thresholds(Budget budget, BudgetPeriod period, PeriodState state, Instant triggeredAt) {
    List<Alert> alerts = new ArrayList<>();
    Set<String> fired = new TreeSet<>();
    BigDecimal limit = budget.getLimitUsd();
    for (BigDecimal pct : budget.getThresholdsPct()) {
      String id = "pct-" + plain(pct);
      if (!state.fired().contains(id) && state.spend().multiply(HUNDRED).compareTo(pct.multiply(limit)) >= 0) {
        fired.add(id);
        alerts.add(thresholdAlert(budget, period, state, triggeredAt, id, pct, null));
      }
    }
    for (BigDecimal amount : budget.getThresholdAmountsUsd()) {
      String id = "usd-" + plain(amount);
      if (!state.fired().contains(id) && state.spend().compareTo(amount) >= 0) {
        fired.add(id);
        BigDecimal pct = amount.multiply(HUNDRED).divide(limit, MONEY_SCALE, RoundingMode.HALF_EVEN);
        alerts.add(thresholdAlert(budget, period, state, triggeredAt, id, pct, amount));
      }
    }
    return new Evaluation(fired.isEmpty() ? state : state.withFired(fired), alerts);
  }

  private static Alert thresholdAlert(Budget budget, BudgetPeriod period, PeriodState state, Instant triggeredAt,
      String thresholdId, BigDecimal pct, BigDecimal amount) {
    String crossed = amount == null ? plain(pct) + "%" : Money.usd(amount);
    String message = String.format("%s: %s spent, %s%% of the %s %s budget (threshold %s crossed) for %s, %s",
        budget.getBudgetId(), Money.usd(state.spend()), plain(percent(state.spend(), budget.getLimitUsd())),
        Money.usd(budget.getLimitUsd()), budget.getPeriod(), crossed, Scopes.describe(budget.getScope()), period.label());
    return base(budget, period, state, triggeredAt, "threshold", severity(pct))
        .setAlertId(alertId(budget, period, "threshold-" + thresholdId))
        .setThresholdPct(pct)
        .setThresholdUsd(amount)
        .setMessage(message)
        .build();
  }

  /** The fields every budget alert has; the caller adds the kind's own. */
  static Alert.Builder base(Budget budget, BudgetPeriod period, PeriodState state, Instant triggeredAt,
      String kind, String severity) {
    return Alert.newBuilder()
        .setKind(kind)
        .setSeverity(severity)
        .setBudgetId(budget.getBudgetId())
        .setScope(budget.getScope())
        .setPeriodStart(period.start())
        .setPeriodEnd(period.end())
        .setSpendUsd(state.spend())
        .setLimitUsd(budget.getLimitUsd())
        .setAttributes(Map.of("period", budget.getPeriod(), "timezone", budget.getTimezone(), "period_label", period.label()))
        .setTriggeredAt(triggeredAt);
  }

  /** Deterministic: the same budget, period and threshold (or kind) always give the same id. */
  static String alertId(Budget budget, BudgetPeriod period, String what) {
    return budget.getBudgetId() + "/" + period.label() + "/" + what;
  }

  /** Rises with the threshold; reaching the limit is the highest. */
  public static String severity(BigDecimal pct) {
    if (pct.compareTo(HUNDRED) >= 0) {
      return "emergency";
    }
    if (pct.compareTo(BigDecimal.valueOf(90)) >= 0) {
      return "critical";
    }
    if (pct.compareTo(BigDecimal.valueOf(75)) >= 0) {
      return "warning";
    }
    return "info";
  }

  /**
   * blocked: a hard budget at or over its limit. degrade or warning: past the last threshold below
   * 100% (degrade when the budget names a model to degrade to), or a soft budget over its limit.
   */
  public static String state(Budget budget, BigDecimal spend) {
    BigDecimal limit = budget.getLimitUsd();
    boolean atLimit = spend.compareTo(limit) >= 0;
    if (atLimit && "hard".equals(budget.getEnforcement())) {
      return "blocked";
    }
    BigDecimal lastBelowLimit = budget.getThresholdsPct().stream().filter(t -> t.compareTo(HUNDRED) < 0)
        .max(BigDecimal::compareTo).orElse(HUNDRED);
    boolean pastLast = spend.multiply(HUNDRED).compareTo(lastBelowLimit.multiply(limit)) >= 0;
    if (!atLimit && !pastLast) {
      return "ok";
    }
    return budget.getDegradeToModel() != null ? "degrade" : "warning";
  }

  public static BudgetStatus status(Budget budget, BudgetPeriod period, PeriodState state, Instant now) {
    return BudgetStatus.newBuilder()
        .setBudgetId(budget.getBudgetId())
        .setScope(budget.getScope())
        .setPeriod(budget.getPeriod())
        .setTimezone(budget.getTimezone())
        .setPeriodStart(period.start())
        .setPeriodEnd(period.end())
        .setSpendUsd(state.spend().setScale(MONEY_SCALE, RoundingMode.UNNECESSARY))
        .setLimitUsd(budget.getLimitUsd())
        .setPercent(percent(state.spend(), budget.getLimitUsd()).setScale(MONEY_SCALE))
        .setState(state(budget, state.spend()))
        .setEnforcement(budget.getEnforcement())
        .setDegradeToModel(budget.getDegradeToModel())
        .setLastEventAt(state.lastEventAt() == 0 ? null : Instant.ofEpochMilli(state.lastEventAt()))
        .setUpdatedAt(now)
        .build();
  }

  public static BigDecimal percent(BigDecimal spend, BigDecimal limit) {
    return spend.multiply(HUNDRED).divide(limit, 4, RoundingMode.HALF_EVEN);
  }

  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }
}
