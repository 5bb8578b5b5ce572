package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Brings {@code usage_hourly} and {@code usage_daily} in line with the repriced raw table. The rows
 * were changed without their views firing, so each rollup key of a changed event still holds the old
 * cost; a row with no requests, no tokens and the cost difference (new − old, from the journal) is
 * added to it, which the SummingMergeTree folds in.
 *
 * <p>A key is compensated only while the rollup still differs from the raw table there: where they
 * agree, this was done before, by a run interrupted before it could record so. That makes the step
 * safe to repeat after a crash at any point, including in the middle of an insert. It runs once the
 * old versions are deleted, when the raw table holds the new costs only.
 */
public final class RollupRepair {
  private static final List<String> KEY = List.of("tenant_id", "team_id", "user_id", "feature", "provider", "model");
  private static final List<String> COUNTS = List.of("requests", "adjustments", "input_tokens", "cached_input_tokens",
      "output_tokens");

  private final ClickHouseHttp clickHouse;
  private final ClickHouseStream stream;
  private final Journal journal;
  private final String database;

  public RollupRepair(ClickHouseHttp clickHouse, ClickHouseStream stream, Journal journal, String database) {
    this.clickHouse = clickHouse;
    this.stream = stream;
    this.journal = journal;
    this.database = database;
  }

  /** What was added: compensation rows per rollup. */
  public record Compensated(long hourly, long daily) {}

  /** {@code heartbeat} runs after each day. */
  public Compensated repair(String runId, Runnable heartbeat) {
    long hourly = 0;
    long daily = 0;
    for (LocalDate day : journal.days(runId)) {
      Map<List<String>, BigDecimal> hourDeltas = sums(journal.hourlyDeltas(runId, day), "h");
      Map<List<String>, BigDecimal> rawByHour = sums(clickHouse.query("SELECT toStartOfHour(occurred_at) AS h, "
          + String.join(", ", KEY) + ", toString(sum(cost_usd)) AS usd FROM " + database + ".usage_events"
          + " WHERE occurred_at >= toDateTime(" + Sql.quote(day + " 00:00:00") + ", 'UTC')"
          + " AND occurred_at < toDateTime(" + Sql.quote(day.plusDays(1) + " 00:00:00") + ", 'UTC')"
          + " GROUP BY h, " + String.join(", ", KEY)), "h");
      Map<List<String>, BigDecimal> hourlyRollup = sums(clickHouse.query("SELECT hour AS h, " + String.join(", ", KEY)
          + ", toString(sum(cost_usd)) AS usd FROM " + database + ".usage_hourly"
          + " WHERE hour >= toDateTime(" + Sql.quote(day + " 00:00:00") + ", 'UTC')"
          + " AND hour < toDateTime(" + Sql.quote(day.plusDays(1) + " 00:00:00") + ", 'UTC')"
          + " GROUP BY h, " + String.join(", ", KEY)), "h");
      Map<List<String>, BigDecimal> dailyRollup = sums(clickHouse.query("SELECT day AS d, " + String.join(", ", KEY)
          + ", toString(sum(cost_usd)) AS usd FROM " + database + ".usage_daily"
          + " WHERE day = toDate(" + Sql.quote(day.toString()) + ") GROUP BY d, " + String.join(", ", KEY)), "d");
      hourly += insert("usage_hourly", "hour", missing(hourDeltas, rawByHour, hourlyRollup));
      daily += insert("usage_daily", "day", missing(byDay(hourDeltas, day), byDay(rawByHour, day), dailyRollup));
      heartbeat.run();
    }
    return new Compensated(hourly, daily);
  }

  /** The deltas of the keys where the rollup still lacks them. */
  private static Map<List<String>, BigDecimal> missing(Map<List<String>, BigDecimal> deltas,
      Map<List<String>, BigDecimal> raw, Map<List<String>, BigDecimal> rollup) {
    Map<List<String>, BigDecimal> out = new LinkedHashMap<>();
    deltas.forEach((key, delta) -> {
      BigDecimal gap = raw.getOrDefault(key, BigDecimal.ZERO).subtract(rollup.getOrDefault(key, BigDecimal.ZERO));
      if (delta.signum() != 0 && gap.signum() != 0) {
        out.put(key, delta);
      }
    });
    return out;
  }

  private long insert(String rollup, String timeColumn, Map<List<String>, BigDecimal> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    StringBuilder text = new StringBuilder();
    rows.forEach((key, delta) -> {
      for (String part : key) {
        text.append(Tsv.escape(part)).append('\t');
      }
      text.append("0\t".repeat(COUNTS.size())).append(Tsv.money("cost_usd", delta)).append('\n');
    });
    List<String> columns = new ArrayList<>();
    columns.add(timeColumn);
    columns.addAll(KEY);
    columns.addAll(COUNTS);
    columns.add("cost_usd");
    stream.insert(database + "." + rollup, columns, text);
    return rows.size();
  }

  /** Hourly keys folded into daily ones: the hour replaced by its day. */
  private static Map<List<String>, BigDecimal> byDay(Map<List<String>, BigDecimal> hourly, LocalDate day) {
    Map<List<String>, BigDecimal> out = new HashMap<>();
    hourly.forEach((key, usd) -> {
      List<String> dayKey = new ArrayList<>(key);
      dayKey.set(0, day.toString());
      out.merge(List.copyOf(dayKey), usd, BigDecimal::add);
    });
    return out;
  }

  private static Map<List<String>, BigDecimal> sums(Rows rows, String timeColumn) {
    Map<List<String>, BigDecimal> out = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> key = new ArrayList<>(KEY.size() + 1);
      key.add(rows.get(i, timeColumn));
      for (String column : KEY) {
        key.add(rows.get(i, column));
      }
      out.put(List.copyOf(key), new BigDecimal(rows.get(i, "usd")));
    }
    return out;
  }
}
