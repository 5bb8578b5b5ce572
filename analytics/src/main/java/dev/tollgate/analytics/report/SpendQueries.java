package dev.tollgate.analytics.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import dev.tollgate.analytics.report.internal.UsageRows;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spend of model calls, read from the hourly and daily rollups, which stay small however many events
 * there are. The rollups also hold adjustments (credits and refunds); those are read one by one from
 * the raw table and taken out here, so that calls and adjustments are reported apart.
 */
public final class SpendQueries {
  private final ClickHouseHttp clickHouse;
  private final String database;
  private final EventQueries events;

  public SpendQueries(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.database = database;
    this.events = new EventQueries(clickHouse, database);
  }

  /** The model calls of the range, adjustments left out. */
  public Usage calls(ReportRange range, Optional<String> tenant) {
    return calls(range, tenant, events.adjustments(range, tenant));
  }

  /** As {@link #calls(ReportRange, Optional)}, given the adjustments of the same range and tenant. */
  public Usage calls(ReportRange range, Optional<String> tenant, List<Adjustment> adjustments) {
    Sql.Rollup rollup = Sql.rollup(database, range, tenant);
    Rows rows = clickHouse.query("SELECT " + Sql.USAGE_SUMS + " FROM " + rollup.table() + " WHERE " + rollup.where());
    Usage withAdjustments = UsageRows.usage(rows, 0);
    return adjustments.stream().map(Adjustment::asRollupUsage).reduce(withAdjustments, Usage::minus);
  }

  /** Model calls by the dimension, dearest first; adjustments left out. */
  public List<SpendLine> by(Dimension dimension, ReportRange range, Optional<String> tenant) {
    return by(dimension, range, tenant, events.adjustments(range, tenant));
  }

  /** As {@link #by(Dimension, ReportRange, Optional)}, given the adjustments of the same range and tenant. */
  public List<SpendLine> by(Dimension dimension, ReportRange range, Optional<String> tenant, List<Adjustment> adjustments) {
    Sql.Rollup rollup = Sql.rollup(database, range, tenant);
    String key = String.join(", ", dimension.columns());
    Rows rows = clickHouse.query("SELECT " + key + ", " + Sql.USAGE_SUMS + " FROM " + rollup.table()
        + " WHERE " + rollup.where() + " GROUP BY " + key);
    Map<List<String>, Usage> lines = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      lines.put(key(rows, i, dimension), UsageRows.usage(rows, i));
    }
    for (Adjustment a : adjustments) {
      lines.computeIfPresent(keyOf(a, dimension), (k, usage) -> usage.minus(a.asRollupUsage()));
    }
    List<SpendLine> out = new ArrayList<>();
    lines.forEach((k, usage) -> {
      if (!usage.isEmpty()) {
        out.add(new SpendLine(k, usage));
      }
    });
    out.sort(Comparator.comparing((SpendLine l) -> l.usage().costUsd()).reversed()
        .thenComparing(l -> String.join("\u0000", l.key())));
    return out;
  }

  /** Every day of the range, those without events too, in order. */
  public List<DailySpend> daily(ReportRange range, Optional<String> tenant) {
    ReportRange days = range.toWholeDays();
    Sql.Rollup rollup = Sql.rollup(database, days, tenant);
    Rows rows = clickHouse.query("SELECT toString(day) AS d, " + Sql.USAGE_SUMS + " FROM " + rollup.table()
        + " WHERE " + rollup.where() + " GROUP BY day");
    Map<LocalDate, Usage> calls = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      calls.put(LocalDate.parse(rows.get(i, "d")), UsageRows.usage(rows, i));
    }
    Map<LocalDate, BigDecimal> adjusted = new LinkedHashMap<>();
    for (Adjustment a : events.adjustments(days, tenant)) {
      LocalDate day = LocalDate.ofInstant(a.occurredAt(), ZoneOffset.UTC);
      calls.computeIfPresent(day, (d, usage) -> usage.minus(a.asRollupUsage()));
      adjusted.merge(day, a.amountUsd(), BigDecimal::add);
    }
    List<DailySpend> out = new ArrayList<>();
    for (LocalDate day = days.firstDay(); !day.isAfter(days.lastDay()); day = day.plusDays(1)) {
      out.add(new DailySpend(day, calls.getOrDefault(day, Usage.NONE), adjusted.getOrDefault(day, BigDecimal.ZERO)));
    }
    return out;
  }

  private static List<String> key(Rows rows, int row, Dimension dimension) {
    return dimension.columns().stream().map(c -> rows.get(row, c)).toList();
  }

  private static List<String> keyOf(Adjustment a, Dimension dimension) {
    return dimension.columns().stream().map(c -> switch (c) {
      case "tenant_id" -> a.tenantId();
      case "team_id" -> a.teamId();
      case "user_id" -> a.userId();
      case "feature" -> a.feature();
      case "provider" -> a.provider();
      case "model" -> a.model();
      default -> throw new IllegalStateException("no column " + c + " on an adjustment");
    }).toList();
  }
}
