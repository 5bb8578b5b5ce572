package dev.tollgate.analytics.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Builds {@link MonthlyReport}s; its queries run side by side, each on the small rollups. */
public final class MonthlyReports {
  private final SpendQueries spend;
  private final EventQueries events;
  private final Clock clock;

  public MonthlyReports(ClickHouseHttp clickHouse, String database, Clock clock) {
    this.spend = new SpendQueries(clickHouse, database);
    this.events = new EventQueries(clickHouse, database);
    this.clock = clock;
  }

  public MonthlyReport build(YearMonth month, Optional<String> tenant) {
    ReportRange range = ReportRange.month(month);
    List<Adjustment> adjustments = events.adjustments(range, tenant);
    var calls = async(() -> spend.calls(range, tenant, adjustments));
    var byTeam = async(() -> spend.by(Dimension.TEAM, range, tenant, adjustments));
    var byFeature = async(() -> spend.by(Dimension.FEATURE, range, tenant, adjustments));
    var byModel = async(() -> spend.by(Dimension.MODEL, range, tenant, adjustments));
    try {
      return new MonthlyReport(month, tenant, calls.join(), adjustments, byTeam.join(), byFeature.join(), byModel.join(),
          clock.instant());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static <T> CompletableFuture<T> async(Supplier<T> query) {
    return CompletableFuture.supplyAsync(query);
  }
}
