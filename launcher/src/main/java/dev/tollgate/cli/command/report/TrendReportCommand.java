package dev.tollgate.cli.command.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.report.DailySpend;
import dev.tollgate.analytics.report.ReportRange;
import dev.tollgate.analytics.report.SpendQueries;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.report.ReportSections;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trend", mixinStandardHelpOptions = true, description = {
    "Daily spend (UTC), every day of the range, with --chart FILE to draw it."})
final class TrendReportCommand extends ReportRun {
  @Option(names = "--from", paramLabel = "DATE", description = "First day; default 29 days before --to.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day, included; default today.")
  String to;

  TrendReportCommand(Settings settings) {
    super(settings);
  }

  @Override
  int run(ClickHouseHttp clickHouse, String database) throws Exception {
    String last = to == null ? LocalDate.now(ZoneOffset.UTC).toString() : to;
    String first = from == null ? LocalDate.parse(last).minusDays(29).toString() : from;
    ReportRange range = ReportRange.parse(first, last).toWholeDays();
    List<DailySpend> days = new SpendQueries(clickHouse, database).daily(range, options.tenant());
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "trend");
    header.put("from", range.firstDay().toString());
    header.put("to", range.lastDay().toString());
    header.put("tenant", options.tenant().orElse("all"));
    options.print(System.out, header, List.of(ReportSections.daily(days)));
    options.draw(Charts.trend("Daily spend, " + range.firstDay() + " to " + range.lastDay()
        + options.tenant().map(t -> ", " + t).orElse(""), days));
    return 0;
  }
}
