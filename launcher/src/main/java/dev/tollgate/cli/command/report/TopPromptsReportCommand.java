package dev.tollgate.cli.command.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.report.EventQueries;
import dev.tollgate.analytics.report.PromptSpend;
import dev.tollgate.analytics.report.ReportRange;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.report.ReportSections;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "top-prompts", mixinStandardHelpOptions = true, description = {
    "The prompts (by prompt_hash) that cost most, with how often they were sent, by how many users."})
final class TopPromptsReportCommand extends ReportRun {
  @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (UTC); default the current one.")
  String month;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many prompts (default ${DEFAULT-VALUE}).")
  int limit;

  TopPromptsReportCommand(Settings settings) {
    super(settings);
  }

  @Override
  int run(ClickHouseHttp clickHouse, String database) throws Exception {
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    YearMonth m = MonthlyReportCommand.parseMonth(month, Clock.systemUTC());
    List<PromptSpend> prompts = new EventQueries(clickHouse, database).topPrompts(ReportRange.month(m), options.tenant(), limit);
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "top-prompts");
    header.put("month", m.toString());
    header.put("tenant", options.tenant().orElse("all"));
    options.print(System.out, header, List.of(ReportSections.prompts(prompts)));
    return 0;
  }
}
