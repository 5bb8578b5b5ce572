package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Alerts as rows for {@link TextTable}: one line each, amounts rounded for reading (exact in {@link AlertJson}). */
public final class AlertTable {
  public static final List<String> COLUMNS =
      List.of("time_utc", "severity", "kind", "budget", "scope", "threshold", "spend/limit_usd", "message");
  public static final Set<String> RIGHT_ALIGNED = Set.of("threshold", "spend/limit_usd");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private AlertTable() {}

  public static Rows rows(List<Alert> alerts) {
    List<List<String>> rows = new ArrayList<>();
    for (Alert a : alerts) {
      rows.add(List.of(
          TIME.format(a.getTriggeredAt()),
          a.getSeverity(),
          a.getKind(),
          a.getBudgetId() == null ? "-" : a.getBudgetId(),
          scope(a.getScope()),
          threshold(a),
          spendOfLimit(a),
          // A table row is one line, whatever the message holds.
          a.getMessage().strip().replaceAll("\\s+", " ")));
    }
    return new Rows(COLUMNS, rows);
  }

  /** The tenant, then only the parts that narrow it: {@code acme team=search feature=chat}. */
  public static String scope(BudgetScope s) {
    if (s == null) {
      return "-";
    }
    StringBuilder out = new StringBuilder(s.getTenantId());
    append(out, "team", s.getTeamId());
    append(out, "user", s.getUserId());
    append(out, "feature", s.getFeature());
    return out.toString();
  }

  private static void append(StringBuilder out, String name, String value) {
    if (value != null) {
      out.append(' ').append(name).append('=').append(value);
    }
  }

  private static String spendOfLimit(Alert a) {
    if (a.getSpendUsd() == null && a.getLimitUsd() == null) {
      return "-";
    }
    return Amounts.display(a.getSpendUsd()) + " / " + Amounts.display(a.getLimitUsd());
  }

  private static String threshold(Alert a) {
    if (a.getThresholdPct() != null) {
      return Amounts.percent(a.getThresholdPct());
    }
    return a.getThresholdUsd() == null ? "-" : Amounts.display(a.getThresholdUsd()) + " USD";
  }
}
