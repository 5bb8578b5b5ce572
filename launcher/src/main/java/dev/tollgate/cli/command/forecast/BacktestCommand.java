package dev.tollgate.cli.command.forecast;

import dev.tollgate.analytics.forecast.backtest.Backtest;
import dev.tollgate.analytics.forecast.backtest.BacktestReport;
import dev.tollgate.analytics.forecast.backtest.BacktestSettings;
import dev.tollgate.cli.report.ForecastBacktestSections;
import dev.tollgate.cli.report.ReportFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "backtest", mixinStandardHelpOptions = true, description = {
    "Forecasts generated hourly series with a known pattern (steady, growing, declining, spiky, seasonal) and a known",
    "future at many cuts, and reports per pattern and horizon the error (MAPE) and how often the interval held the",
    "actual total, and how often the classifier named the pattern. The same seed gives the same figures."})
final class BacktestCommand implements Callable<Integer> {
  private static final long PROGRESS_AFTER_NANOS = 3_000_000_000L;

  @Option(names = "--series", paramLabel = "N", defaultValue = "" + BacktestSettings.DEFAULT_SERIES,
      description = "Series per pattern (default ${DEFAULT-VALUE}).")
  int series;

  @Option(names = "--cuts", paramLabel = "N", defaultValue = "" + BacktestSettings.DEFAULT_CUTS,
      description = "Forecasts per series, at random hours (default ${DEFAULT-VALUE}).")
  int cuts;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + BacktestSettings.DEFAULT_SEED, description = "Default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--weeks", paramLabel = "N", defaultValue = "" + BacktestSettings.DEFAULT_WEEKS,
      description = "Weeks of history per forecast (default ${DEFAULT-VALUE}).")
  int weeks;

  @Option(names = "--confidence", paramLabel = "PCT", defaultValue = "80", description = "Nominal coverage of the intervals (default 80).")
  String confidence;

  @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table (default), csv or json.")
  String format;

  private long lastPrinted;

  @Override
  public Integer call() {
    try {
      ReportFormat output = ReportFormat.parse(format);
      BacktestSettings settings = new BacktestSettings(series, seed, cuts, weeks, ForecastArguments.confidence(confidence));
      long started = System.nanoTime();
      BacktestReport report = Backtest.run(settings, (done, total) -> progress(started, done, total));
      System.err.printf(Locale.ROOT, "backtest: %d forecasts of %d series in %.1f s%n", report.forecasts(), report.series(),
          (System.nanoTime() - started) / 1e9);
      output.print(System.out, ForecastBacktestSections.header(report),
          List.of(ForecastBacktestSections.scores(report), ForecastBacktestSections.classifier(report)));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return ForecastCommand.FAILED;
    }
  }

  /** On stderr, once the run has taken a few seconds, then every few seconds. */
  private void progress(long started, int done, int total) {
    long now = System.nanoTime();
    if (now - started > PROGRESS_AFTER_NANOS && now - lastPrinted > PROGRESS_AFTER_NANOS && done < total) {
      lastPrinted = now;
      System.err.printf(Locale.ROOT, "backtest: %d of %d series (%d%%)%n", done, total, done * 100 / total);
    }
  }
}
