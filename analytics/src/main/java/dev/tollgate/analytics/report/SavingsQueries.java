package dev.tollgate.analytics.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What optimizations saved, measured per call: each call that names a baseline carries the cost the
 * processor computed for that baseline ({@code baseline_cost_usd}), so a claim like "sampling cuts
 * cost by 75%" is a sum, not an estimate. Reads the raw table without {@code FINAL}, for the reason
 * given in {@link EventQueries}.
 *
 * <p>The optimization of a call is its {@code optimization} attribute when it has one (such as
 * {@code sampling} or {@code semantic-cache}); otherwise {@code model-switch} when it names another
 * model, {@code token-cut} when it names other token counts, {@code model-switch+token-cut} when both,
 * {@code prompt-cache} when it names neither but read cached input (its baseline is the same call
 * uncached), and {@code other} for the rest.
 */
public final class SavingsQueries {
  private static final String SWITCHED = "baseline_model != '' AND baseline_model != model";
  private static final String CUT = "((isNotNull(baseline_input_tokens) AND assumeNotNull(baseline_input_tokens) != input_tokens)"
      + " OR (isNotNull(baseline_output_tokens) AND assumeNotNull(baseline_output_tokens) != output_tokens))";
  static final String OPTIMIZATION = "if(has(attribute_keys, 'optimization'),"
      + " attribute_values[indexOf(attribute_keys, 'optimization')],"
      + " multiIf(" + SWITCHED + " AND " + CUT + ", 'model-switch+token-cut', " + SWITCHED + ", 'model-switch', "
      + CUT + ", 'token-cut', cached_input_tokens > 0, 'prompt-cache', 'other'))";
  private static final String NAMES_A_BASELINE =
      "(baseline_model != '' OR isNotNull(baseline_input_tokens) OR isNotNull(baseline_output_tokens))";

  private final ClickHouseHttp clickHouse;
  private final String table;

  public SavingsQueries(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.table = database + ".usage_events";
  }

  public Savings savings(ReportRange range, Optional<String> tenant) {
    Rows rows = clickHouse.query("SELECT feature AS f, " + OPTIMIZATION + " AS opt, count() AS calls,"
        + " toString(sum(cost_usd)) AS actual, toString(sum(assumeNotNull(baseline_cost_usd))) AS baseline FROM " + table
        + " WHERE operation != 'adjustment' AND isNotNull(baseline_cost_usd) AND " + Sql.events(range, tenant)
        + " GROUP BY f, opt ORDER BY f, opt");
    List<SavingsLine> lines = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      lines.add(new SavingsLine(rows.get(i, "f"), rows.get(i, "opt"), Long.parseLong(rows.get(i, "calls")),
          new BigDecimal(rows.get(i, "actual")), new BigDecimal(rows.get(i, "baseline"))));
    }
    Rows unpriced = clickHouse.query("SELECT count() AS n FROM " + table + " WHERE operation != 'adjustment'"
        + " AND isNull(baseline_cost_usd) AND " + NAMES_A_BASELINE + " AND " + Sql.events(range, tenant));
    return new Savings(lines, Long.parseLong(unpriced.get(0, "n")));
  }
}
