package dev.tollgate.analytics.forecast;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * The spend of a scope, read from ClickHouse: the hourly rollup for whole hours, the raw events for
 * the parts of hours at the edges of a span and for adjustments. Without {@code FINAL}, like the
 * other reports: the writer never inserts an event twice, which is also what keeps the rollup equal
 * to the raw table, so both reads agree.
 */
public final class ScopeSpendQueries {
  private static final DateTimeFormatter CLICKHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final ClickHouseHttp clickHouse;
  private final String database;

  public ScopeSpendQueries(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.database = database;
  }

  /**
   * Spend on model calls per hour of [from, to) (whole hours), every hour, adjustments left out:
   * credits and refunds are one-off corrections, not usage, and would read as negative spikes.
   */
  public HourlySeries calls(SpendScope scope, Instant from, Instant to) {
    Map<Instant, BigDecimal> hours = new HashMap<>();
    Rows rollup = clickHouse.query("SELECT toString(hour) AS h, toString(sum(cost_usd)) AS usd FROM " + database
        + ".usage_hourly WHERE hour >= " + Sql.dateTime(from) + " AND hour < " + Sql.dateTime(to) + condition(scope)
        + " GROUP BY hour");
    for (int i = 0; i < rollup.size(); i++) {
      hours.merge(hour(rollup.get(i, "h")), new BigDecimal(rollup.get(i, "usd")), BigDecimal::add);
    }
    Rows adjustments = clickHouse.query("SELECT toString(toStartOfHour(occurred_at)) AS h, toString(sum(cost_usd)) AS usd FROM "
        + database + ".usage_events WHERE operation = 'adjustment' AND " + events(from, to) + condition(scope) + " GROUP BY h");
    for (int i = 0; i < adjustments.size(); i++) {
      hours.merge(hour(adjustments.get(i, "h")), new BigDecimal(adjustments.get(i, "usd")).negate(), BigDecimal::add);
    }
    return HourlySeries.of(from, to, hours);
  }

  /**
   * The exact spend of [from, to), to the second, adjustments included: what the budget processor
   * counts and what an invoice bills.
   */
  public BigDecimal spent(SpendScope scope, Instant from, Instant to) {
    Instant firstWholeHour = ceilHour(from);
    Instant lastWholeHour = to.truncatedTo(ChronoUnit.HOURS);
    if (!firstWholeHour.isBefore(lastWholeHour)) {
      return raw(scope, from, to);
    }
    BigDecimal whole = single(clickHouse.query("SELECT toString(sum(cost_usd)) AS usd FROM " + database + ".usage_hourly WHERE hour >= "
        + Sql.dateTime(firstWholeHour) + " AND hour < " + Sql.dateTime(lastWholeHour) + condition(scope)));
    BigDecimal head = from.equals(firstWholeHour) ? BigDecimal.ZERO : raw(scope, from, firstWholeHour);
    BigDecimal tail = to.equals(lastWholeHour) ? BigDecimal.ZERO : raw(scope, lastWholeHour, to);
    return whole.add(head).add(tail);
  }

  private BigDecimal raw(SpendScope scope, Instant from, Instant to) {
    if (!from.isBefore(to)) {
      return BigDecimal.ZERO;
    }
    return single(clickHouse.query("SELECT toString(sum(cost_usd)) AS usd FROM " + database + ".usage_events WHERE "
        + events(from, to) + condition(scope)));
  }

  private static String events(Instant from, Instant to) {
    return "occurred_at >= " + Sql.dateTime(from) + " AND occurred_at < " + Sql.dateTime(to);
  }

  private static String condition(SpendScope scope) {
    StringBuilder sql = new StringBuilder();
    scope.columns().forEach((column, value) -> sql.append(" AND ").append(column).append(" = ").append(Sql.quote(value)));
    return sql.toString();
  }

  private static BigDecimal single(Rows rows) {
    String value = rows.size() == 0 ? null : rows.get(0, "usd");
    return value == null || value.isEmpty() ? BigDecimal.ZERO : new BigDecimal(value);
  }

  private static Instant ceilHour(Instant at) {
    Instant floor = at.truncatedTo(ChronoUnit.HOURS);
    return floor.equals(at) ? at : floor.plus(1, ChronoUnit.HOURS);
  }

  private static Instant hour(String text) {
    return LocalDateTime.parse(text, CLICKHOUSE_TIME).toInstant(ZoneOffset.UTC);
  }
}
