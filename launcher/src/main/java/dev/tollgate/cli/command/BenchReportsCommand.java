package dev.tollgate.cli.command;

import dev.tollgate.analytics.report.ReportRange;
import dev.tollgate.bench.reports.ReportBenchmark;
import dev.tollgate.cli.Settings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reports", description = {
    "How long reports take on a large history: each report run as a user runs it (a new JVM, wall time),",
    "then in one warm JVM. Generate the history first: ./tollgate history generate --events 10000000"})
public final class BenchReportsCommand implements Callable<Integer> {
  @Option(names = "--database", defaultValue = "tollgate_history", description = "Database holding the history (default ${DEFAULT-VALUE}).")
  String database;

  @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month the reports cover; default the current one.")
  String month;

  @Option(names = "--processes", defaultValue = "5", description = "Runs as a new process per report (default ${DEFAULT-VALUE}).")
  int processes;

  @Option(names = "--runs", defaultValue = "20", description = "Measured runs in the warm JVM per report (default ${DEFAULT-VALUE}).")
  int runs;

  private final Settings settings;

  public BenchReportsCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    YearMonth m = month == null ? YearMonth.now(ZoneOffset.UTC) : ReportRange.parseMonth(month);
    LocalDate last = m.equals(YearMonth.now(ZoneOffset.UTC)) ? LocalDate.now(ZoneOffset.UTC) : m.atEndOfMonth();
    List<List<String>> reports = List.of(
        List.of("report", "monthly", "--month", m.toString()),
        List.of("report", "by", "--dimension", "user", "--from", m.atDay(1).toString(), "--to", last.toString(), "--format", "csv"),
        List.of("report", "trend", "--from", m.atDay(1).toString(), "--to", last.toString()),
        List.of("report", "top-prompts", "--month", m.toString()),
        List.of("billing", "export", "--month", m.toString()));
    List<ReportBenchmark.Timing> timings = new ReportBenchmark(settings, database, System.err).run(reports, processes, runs);
    System.out.printf("%nreports on database %s, month %s (ms)%n", database, m);
    System.out.printf("%-70s  %-16s  %4s  %6s  %6s  %6s  %6s%n", "command", "how", "runs", "p50", "p90", "p99", "max");
    for (ReportBenchmark.Timing t : timings) {
      System.out.printf("%-70s  %-16s  %4d  %6d  %6d  %6d  %6d%n", t.report(), t.how(), t.runs(), t.p50(), t.p90(), t.p99(), t.max());
    }
    return 0;
  }
}
