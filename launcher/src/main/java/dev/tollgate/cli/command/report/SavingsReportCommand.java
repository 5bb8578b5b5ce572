package dev.tollgate.cli.command.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.report.ReportRange;
import dev.tollgate.analytics.report.Savings;
import dev.tollgate.analytics.report.SavingsQueries;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.report.SavingsSections;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "savings", mixinStandardHelpOptions = true, description = {
    "What optimizations saved: the actual cost of calls that name a baseline (baseline_model, baseline token",
    "counts) against what they would have cost without the optimization, per feature and per optimization.",
    "The optimization is the call's 'optimization' attribute, else model-switch, token-cut or prompt-cache."})
final class SavingsReportCommand extends ReportRun {
  @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (UTC); default the current one, unless --from is given.")
  String month;

  @Option(names = "--from", paramLabel = "DATE", description = "First day (UTC), or an instant on a whole hour.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day, included (UTC), or an instant on a whole hour, excluded; default today.")
  String to;

  SavingsReportCommand(Settings settings) {
    super(settings);
  }

  @Override
  int run(ClickHouseHttp clickHouse, String database) throws Exception {
    ReportRange range = range();
    Savings savings = new SavingsQueries(clickHouse, database).savings(range, options.tenant());
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "savings");
    header.put("from", range.from().toString());
    header.put("to", range.to().toString());
    header.put("tenant", options.tenant().orElse("all"));
    options.print(System.out, header, SavingsSections.of(savings));
    return 0;
  }

  private ReportRange range() {
    if (from == null && to == null) {
      return ReportRange.month(MonthlyReportCommand.parseMonth(month, Clock.systemUTC()));
    }
    if (month != null) {
      throw new IllegalArgumentException("--month cannot be combined with --from/--to");
    }
    if (from == null) {
      throw new IllegalArgumentException("--from is required with --to");
    }
    return ReportRange.parse(from, to == null ? LocalDate.now(ZoneOffset.UTC).toString() : to);
  }
}
