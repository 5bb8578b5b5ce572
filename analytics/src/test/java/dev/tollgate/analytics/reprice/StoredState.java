package dev.tollgate.analytics.reprice;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What ClickHouse holds, read the ways reports and re-pricing checks read it. */
final class StoredState {
  private static final String KEYS = "tenant_id, team_id, user_id, feature, provider, model";
  private static final String RAW_SUMS = "countIf(operation != 'adjustment') AS r, countIf(operation = 'adjustment') AS a,"
      + " sum(input_tokens) AS it, sum(cached_input_tokens) AS ct, sum(output_tokens) AS ot, toString(sum(cost_usd)) AS usd";
  private static final String ROLLUP_SUMS = "sum(requests) AS r, sum(adjustments) AS a, sum(input_tokens) AS it,"
      + " sum(cached_input_tokens) AS ct, sum(output_tokens) AS ot, toString(sum(cost_usd)) AS usd";

  private final ClickHouseHttp clickHouse;
  private final String database;

  StoredState(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.database = database;
  }

  /**
   * Cost and baseline cost per tenant, provider and model, from the raw table read with FINAL, as
   * {@code cost|baseline} with trailing zeros stripped; no baseline counts as 0.
   */
  Map<String, String> finalCostByModel() {
    return costs(" FINAL");
  }

  /** The same without FINAL, as reports read it for speed. */
  Map<String, String> plainCostByModel() {
    return costs("");
  }

  private Map<String, String> costs(String modifier) {
    Rows rows = clickHouse.query("SELECT concat(tenant_id, '|', provider, '|', model) AS k, toString(sum(cost_usd)) AS c,"
        + " toString(sum(baseline_cost_usd)) AS b FROM " + database + ".usage_events" + modifier + " GROUP BY k");
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String baseline = rows.get(i, "b");
      out.put(rows.get(i, "k"), plain(new BigDecimal(rows.get(i, "c"))) + "|"
          + plain(baseline == null ? BigDecimal.ZERO : new BigDecimal(baseline)));
    }
    return out;
  }

  static String plain(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  long plainRows() {
    return Long.parseLong(clickHouse.query("SELECT count() AS n FROM " + database + ".usage_events").get(0, "n"));
  }

  /** Per hourly key: requests, adjustments, tokens and cost of the raw table. */
  Map<String, String> rawHourly() {
    return sums("SELECT toString(toStartOfHour(occurred_at)) AS b, " + KEYS + ", " + RAW_SUMS + " FROM " + database
        + ".usage_events GROUP BY b, " + KEYS);
  }

  Map<String, String> hourlyRollup() {
    return sums("SELECT toString(hour) AS b, " + KEYS + ", " + ROLLUP_SUMS + " FROM " + database + ".usage_hourly GROUP BY b, " + KEYS);
  }

  Map<String, String> rawDaily() {
    return sums("SELECT toString(toDate(occurred_at)) AS b, " + KEYS + ", " + RAW_SUMS + " FROM " + database
        + ".usage_events GROUP BY b, " + KEYS);
  }

  Map<String, String> dailyRollup() {
    return sums("SELECT toString(day) AS b, " + KEYS + ", " + ROLLUP_SUMS + " FROM " + database + ".usage_daily GROUP BY b, " + KEYS);
  }

  /** event id to cost, baseline cost, price source and priced_at, of the rows matching {@code where}. */
  Map<String, String> rows(String where) {
    return map("SELECT event_id AS k, concat(toString(cost_usd), '|', ifNull(toString(baseline_cost_usd), '-'), '|',"
        + " price_source, '|', toString(priced_at)) AS v FROM " + database + ".usage_events WHERE " + where);
  }

  Rows audit() {
    return clickHouse.query("SELECT run_id, status, events_scanned, events_changed, toString(old_cost_usd) AS old_usd,"
        + " toString(new_cost_usd) AS new_usd, toString(delta_usd) AS delta, corrections, catalog_fingerprint,"
        + " isNotNull(finished_at) AS finished FROM " + database + ".reprice_runs FINAL ORDER BY started_at");
  }

  /** Every table of the database with its row count. */
  Map<String, String> tables() {
    Map<String, String> out = new TreeMap<>();
    Rows names = clickHouse.query("SELECT name FROM system.tables WHERE database = '" + database + "' AND engine NOT LIKE '%View'");
    for (int i = 0; i < names.size(); i++) {
      String table = names.get(i, "name");
      out.put(table, clickHouse.query("SELECT count() AS n FROM " + database + "." + table).get(0, "n"));
    }
    return out;
  }

  long parts() {
    return Long.parseLong(clickHouse.query("SELECT count() AS n FROM system.parts WHERE database = '" + database
        + "' AND active").get(0, "n"));
  }

  private Map<String, String> sums(String sql) {
    Rows rows = clickHouse.query(sql);
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = rows.rows().get(i);
      out.put(String.join("|", row.subList(0, 7)), String.join("|", row.subList(7, 13)));
    }
    return out;
  }

  private Map<String, String> map(String sql) {
    Rows rows = clickHouse.query(sql);
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      out.put(rows.get(i, "k"), rows.get(i, "v"));
    }
    return out;
  }
}
