package dev.tollgate.cli.command.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.report.Dimension;
import dev.tollgate.analytics.report.MonthlyReport;
import dev.tollgate.analytics.report.MonthlyReports;
import dev.tollgate.analytics.report.ReportRange;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.kafka.BudgetTopics;
import dev.tollgate.cli.report.BudgetProjection;
import dev.tollgate.cli.report.ReportSections;
import dev.tollgate.cli.report.Section;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "monthly", mixinStandardHelpOptions = true, description = {
    "A month's spend: totals, credits and refunds, spend by team, feature and model with shares,",
    "and for the current month the budgets with their projected end."})
final class MonthlyReportCommand extends ReportRun {
  @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (UTC); default the current one.")
  String month;

  @Option(names = "--no-budgets", description = "Leave out the budgets (read from Kafka).")
  boolean noBudgets;

  MonthlyReportCommand(Settings settings) {
    super(settings);
  }

  @Override
  int run(ClickHouseHttp clickHouse, String database) throws Exception {
    Clock clock = Clock.systemUTC();
    YearMonth m = parseMonth(month, clock);
    Optional<String> tenant = options.tenant();
    boolean current = YearMonth.now(clock.withZone(ZoneOffset.UTC)).equals(m);
    CompletableFuture<Section> budgets = current && !noBudgets
        ? CompletableFuture.supplyAsync(() -> budgets(tenant, clock.instant())) : null;
    MonthlyReport report = new MonthlyReports(clickHouse, database, clock).build(m, tenant);
    List<Section> sections = new ArrayList<>(List.of(ReportSections.totals(report),
        ReportSections.breakdown("by_team", "Spend by team", Dimension.TEAM, report.byTeam(), tenant),
        ReportSections.breakdown("by_feature", "Spend by feature", Dimension.FEATURE, report.byFeature(), tenant),
        ReportSections.breakdown("by_model", "Spend by model", Dimension.MODEL, report.byModel(), tenant),
        ReportSections.adjustments(report.adjustments())));
    Section budgetSection = budgets == null ? null : budgets.join();
    if (budgetSection != null) {
      sections.add(budgetSection);
    }
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "monthly");
    header.put("month", m.toString());
    header.put("tenant", tenant.orElse("all"));
    header.put("as_of", report.asOf().toString());
    options.print(System.out, header, sections);
    options.draw(Charts.breakdown("Spend by model, " + m + tenant.map(t -> ", " + t).orElse(""), report.byModel()));
    return 0;
  }

  static YearMonth parseMonth(String text, Clock clock) {
    if (text == null) {
      return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }
    return ReportRange.parseMonth(text);
  }

  /** The budgets from Kafka; if Kafka cannot be read, the report goes on without them and says why. */
  private Section budgets(Optional<String> tenant, Instant now) {
    try {
      BudgetTopics topics = new BudgetTopics(settings.kafkaBootstrap());
      var statuses = CompletableFuture.supplyAsync(topics::statuses);
      return BudgetProjection.section(topics.budgets(), statuses.join(), tenant, now);
    } catch (RuntimeException e) {
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      System.err.println("budgets left out: cannot read them from Kafka at " + settings.kafkaBootstrap() + ": " + cause.getMessage());
      return null;
    }
  }
}
