package dev.tollgate.analytics.report.internal;

import dev.tollgate.analytics.report.ReportRange;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Pieces of report SQL. ClickHouse 18.16 has no query parameters, so values are quoted here, and
 * only here.
 */
public final class Sql {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Sql() {}

  public static String quote(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  public static String dateTime(Instant instant) {
    return "toDateTime(" + quote(DATE_TIME.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC))) + ", 'UTC')";
  }

  /** Events of the raw table in the range, and of the tenant when one is given. */
  public static String events(ReportRange range, Optional<String> tenant) {
    return "occurred_at >= " + dateTime(range.from()) + " AND occurred_at < " + dateTime(range.to()) + tenantCondition(tenant);
  }

  /** The rollup that answers the range, and the condition on its rows. */
  public static Rollup rollup(String database, ReportRange range, Optional<String> tenant) {
    if (range.wholeDays()) {
      return new Rollup(database + ".usage_daily", "day >= toDate(" + quote(range.firstDay().toString())
          + ") AND day <= toDate(" + quote(range.lastDay().toString()) + ")" + tenantCondition(tenant));
    }
    return new Rollup(database + ".usage_hourly", "hour >= " + dateTime(range.from()) + " AND hour < " + dateTime(range.to())
        + tenantCondition(tenant));
  }

  private static String tenantCondition(Optional<String> tenant) {
    return tenant.map(t -> " AND tenant_id = " + quote(t)).orElse("");
  }

  /** A rollup table and the WHERE condition that selects a report's rows of it. */
  public record Rollup(String table, String where) {}

  /** The usage columns summed, with aliases that differ from the column names (18.16 resolves aliases everywhere). */
  public static final String USAGE_SUMS = "sum(requests) AS r, sum(input_tokens) AS it, sum(cached_input_tokens) AS ct,"
      + " sum(output_tokens) AS ot, toString(sum(cost_usd)) AS usd";

  /** The same sums over raw events, counting model calls only as requests. */
  public static final String EVENT_SUMS = "countIf(operation != 'adjustment') AS r, sum(input_tokens) AS it,"
      + " sum(cached_input_tokens) AS ct, sum(output_tokens) AS ot, toString(sum(cost_usd)) AS usd";
}
