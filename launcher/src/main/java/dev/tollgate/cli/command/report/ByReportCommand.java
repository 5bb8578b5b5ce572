package dev.tollgate.cli.command.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.report.Dimension;
import dev.tollgate.analytics.report.ReportRange;
import dev.tollgate.analytics.report.SpendLine;
import dev.tollgate.analytics.report.SpendQueries;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.report.ReportFormat;
import dev.tollgate.cli.report.ReportSections;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "by", mixinStandardHelpOptions = true, description = {
    "Spend of model calls broken down by one dimension, dearest first; credits and refunds are in report monthly.",
    "Teams and users are per tenant."})
final class ByReportCommand extends ReportRun {
  @Option(names = "--dimension", required = true, paramLabel = "D", description = "team, user, feature, model, provider or tenant.")
  String dimension;

  @Option(names = "--from", paramLabel = "DATE", description = "First day (UTC), or an instant on a whole hour; default the 1st of this month.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day, included (UTC), or an instant on a whole hour, excluded; default today.")
  String to;

  @Option(names = "--limit", paramLabel = "N", description = "At most N lines; default 50 in a table, all in csv and json.")
  Integer limit;

  ByReportCommand(Settings settings) {
    super(settings);
  }

  @Override
  int run(ClickHouseHttp clickHouse, String database) throws Exception {
    Dimension d = Dimension.parse(dimension);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    ReportRange range = ReportRange.parse(from == null ? today.withDayOfMonth(1).toString() : from,
        to == null ? today.toString() : to);
    List<SpendLine> lines = new SpendQueries(clickHouse, database).by(d, range, options.tenant());
    int shown = limit != null ? limit : options.format() == ReportFormat.TABLE ? 50 : Integer.MAX_VALUE;
    if (shown < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + shown);
    }
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "by " + d.label());
    header.put("from", range.from().toString());
    header.put("to", range.to().toString());
    header.put("tenant", options.tenant().orElse("all"));
    header.put("lines", lines.size() > shown ? shown + " of " + lines.size() : Integer.toString(lines.size()));
    options.print(System.out, header, List.of(ReportSections.breakdown("lines", "Spend by " + d.label(), d, lines,
        options.tenant(), shown)));
    options.draw(Charts.breakdown("Spend by " + d.label() + ", " + range.firstDay() + " to " + range.lastDay(), lines));
    return 0;
  }
}
