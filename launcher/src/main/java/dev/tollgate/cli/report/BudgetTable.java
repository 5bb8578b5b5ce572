package dev.tollgate.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.json.BudgetJson;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Budgets with where each stands, as {@code ./tollgate budgets list} prints them: rows for
 * {@link TextTable}, or JSON lines (the budget file form plus a {@code status} object when the budget
 * processor has reported one). Spend, percent and state are {@code -} until it has.
 */
public final class BudgetTable {
  public static final List<String> COLUMNS = List.of("budget", "scope", "period", "limit_usd", "spend_usd", "used_pct",
      "state", "enforcement", "period_end");
  public static final Set<String> RIGHT_ALIGNED = Set.of("limit_usd", "spend_usd", "used_pct");
  private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

  private BudgetTable() {}

  /** One row per budget, in the order given; {@code now} places budgets without status in their current period. */
  public static Rows rows(Map<String, Budget> budgets, Map<String, BudgetStatus> statuses, Instant now) {
    List<List<String>> rows = new ArrayList<>();
    for (Budget b : budgets.values()) {
      BudgetStatus s = statuses.get(b.getBudgetId());
      Instant periodEnd = s != null ? s.getPeriodEnd() : BudgetPeriod.endOfCurrent(b.getPeriod(), b.getTimezone(), now);
      rows.add(List.of(
          b.getBudgetId(),
          AlertTable.scope(b.getScope()),
          b.getPeriod() + " " + b.getTimezone(),
          Amounts.display(b.getLimitUsd()),
          s == null ? "-" : Amounts.display(s.getSpendUsd()),
          s == null ? "-" : Amounts.exact(s.getPercent()),
          s == null ? "-" : s.getState(),
          b.getEnforcement(),
          LOCAL_TIME.format(periodEnd.atZone(ZoneId.of(b.getTimezone())))));
    }
    return new Rows(COLUMNS, rows);
  }

  /** One line: the budget as {@code budgets apply} reads it, plus {@code status} when there is one. */
  public static String jsonLine(Budget budget, BudgetStatus status) {
    ObjectNode node = BudgetJson.toJson(budget);
    if (status != null) {
      ObjectNode s = node.putObject("status");
      s.put("period_start", JsonLines.time(status.getPeriodStart()));
      s.put("period_end", JsonLines.time(status.getPeriodEnd()));
      s.put("spend_usd", Amounts.exact(status.getSpendUsd()));
      s.put("limit_usd", Amounts.exact(status.getLimitUsd()));
      s.put("percent", Amounts.exact(status.getPercent()));
      s.put("state", status.getState());
      s.put("enforcement", status.getEnforcement());
      s.put("degrade_to_model", status.getDegradeToModel());
      s.put("last_event_at", JsonLines.time(status.getLastEventAt()));
      s.put("updated_at", JsonLines.time(status.getUpdatedAt()));
    }
    return JsonLines.write(node);
  }
}
