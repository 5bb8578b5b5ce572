package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each budget stands in its current period, and where it ends if spend goes on at the rate seen
 * so far in the period (linear; {@code ./tollgate forecast} knows seasonality).
 */
public final class BudgetProjection {
  private static final List<String> COLUMNS = List.of("budget", "scope", "period", "limit_usd", "spend_usd", "used_pct",
      "projected_usd", "projected_pct", "state", "period_end");
  private static final Set<String> NUMERIC = Set.of("limit_usd", "spend_usd", "used_pct", "projected_usd", "projected_pct");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private BudgetProjection() {}

  public static Section section(Map<String, Budget> budgets, Map<String, BudgetStatus> statuses, Optional<String> tenant,
      Instant now) {
    List<List<String>> rows = new ArrayList<>();
    for (Budget b : budgets.values()) {
      if (tenant.isPresent() && !tenant.get().equals(b.getScope().getTenantId())) {
        continue;
      }
      BudgetStatus s = statuses.get(b.getBudgetId());
      boolean current = s != null && s.getPeriodEnd().isAfter(now);
      Optional<BigDecimal> projected = current ? projected(s, now) : Optional.empty();
      rows.add(List.of(b.getBudgetId(), AlertTable.scope(b.getScope()), b.getPeriod(), Amounts.exact(b.getLimitUsd()),
          current ? Amounts.exact(s.getSpendUsd()) : "0",
          current ? Amounts.exact(s.getPercent()) : "0",
          projected.map(Amounts::exact).orElse("-"),
          projected.map(p -> p.multiply(HUNDRED).divide(b.getLimitUsd(), 1, RoundingMode.HALF_EVEN).toPlainString()).orElse("-"),
          current ? s.getState() : "no spend yet",
          current ? s.getPeriodEnd().toString() : BudgetPeriod.endOfCurrent(b.getPeriod(), b.getTimezone(), now).toString()));
    }
    return new Section("budgets", "Budgets, current period, projected to its end", new Rows(COLUMNS, rows), NUMERIC);
  }

  /** Spend so far, scaled from the time elapsed to the whole period. */
  static Optional<BigDecimal> projected(BudgetStatus s, Instant now) {
    long elapsed = Duration.between(s.getPeriodStart(), now).toSeconds();
    long whole = Duration.between(s.getPeriodStart(), s.getPeriodEnd()).toSeconds();
    if (elapsed <= 0 || whole <= 0) {
      return Optional.empty();
    }
    return Optional.of(s.getSpendUsd().multiply(BigDecimal.valueOf(whole)).divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_EVEN));
  }
}
