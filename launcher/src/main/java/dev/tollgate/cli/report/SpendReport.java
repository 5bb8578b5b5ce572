package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Spend by tenant, team and model, read back from ClickHouse, for the events matching a filter. */
public final class SpendReport {
  private static final Set<String> NUMBERS = Set.of("calls", "input", "cached", "output",
      "audio_minutes", "usd", "share_pct", "fallback_calls");
  private final ClickHouseHttp clickHouse;
  private final String table;

  public SpendReport(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.table = database + ".usage_events";
  }

  /** Adds each row's share of the total; done here because 18.16 cannot compare decimals with a subquery. */
  private static Rows withShare(Rows rows) {
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < rows.size(); i++) {
      total = total.add(new BigDecimal(rows.get(i, "usd")));
    }
    List<String> columns = new ArrayList<>(rows.columns());
    columns.add("share_pct");
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = new ArrayList<>(rows.rows().get(i));
      row.add(total.signum() == 0 ? "-" : new BigDecimal(rows.get(i, "usd")).multiply(BigDecimal.valueOf(100))
          .divide(total, 1, RoundingMode.HALF_EVEN).toPlainString());
      out.add(row);
    }
    return new Rows(columns, out);
  }

  /** @param where a SQL condition on the events to report, e.g. {@code event_id LIKE 'demo-1-%'} */
  public void print(PrintStream out, String where) {
    String from = " FROM " + table + " FINAL WHERE " + where;
    // Output aliases must not reuse column names: ClickHouse aliases are visible in the whole query.
    String cost = "toString(toDecimal64(sum(cost_usd), 6)) AS usd";
    TextTable.print(out, "Spend by tenant", withShare(clickHouse.query(
        "SELECT tenant_id, count() AS calls, " + cost + from + " GROUP BY tenant_id ORDER BY sum(cost_usd) DESC")), NUMBERS);
    TextTable.print(out, "Spend by team (model calls; credits and refunds count at tenant level)", clickHouse.query(
        "SELECT tenant_id, team_id, count() AS calls, " + cost
            + from + " AND operation != 'adjustment' GROUP BY tenant_id, team_id ORDER BY tenant_id, sum(cost_usd) DESC"), NUMBERS);
    TextTable.print(out, "Spend by model", clickHouse.query(
        "SELECT provider, model, count() AS calls, sum(input_tokens) AS input,"
            + " sum(cached_input_tokens) AS cached, sum(output_tokens) AS output,"
            + " ifNull(toString(toDecimal64(sum(audio_seconds) / 60, 1)), '-') AS audio_minutes,"
            + " countIf(price_source = 'fallback') AS fallback_calls, " + cost
            + from + " AND operation != 'adjustment' GROUP BY provider, model ORDER BY sum(cost_usd) DESC"), NUMBERS);
    out.println();
    out.println("total (exact): " + clickHouse.query("SELECT toString(sum(cost_usd)) AS total" + from).get(0, "total")
        + " USD over " + clickHouse.query("SELECT count() AS n" + from).get(0, "n") + " events");
  }
}
