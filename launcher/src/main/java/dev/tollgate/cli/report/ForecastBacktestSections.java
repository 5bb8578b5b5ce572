package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.forecast.PatternKind;
import dev.tollgate.analytics.forecast.backtest.BacktestReport;
import dev.tollgate.analytics.forecast.backtest.HorizonScore;
import dev.tollgate.analytics.forecast.backtest.NamingScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The sections of {@code tollgate forecast backtest}: errors and coverage per pattern and horizon, and the classifier's hits. */
public final class ForecastBacktestSections {
  private static final Set<String> NUMERIC = Set.of("forecasts", "mape_pct", "wape_pct", "total_mape_pct", "bias_pct",
      "coverage_pct", "nominal_pct", "cuts", "named_right", "accuracy_pct");

  private ForecastBacktestSections() {}

  public static Map<String, String> header(BacktestReport r) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "forecast-backtest");
    header.put("series", r.series() + " (" + r.settings().seriesPerPattern() + " per pattern)");
    header.put("cuts_per_series", Integer.toString(r.settings().cutsPerSeries()));
    header.put("history_weeks", Integer.toString(r.settings().historyWeeks()));
    header.put("seed", Long.toString(r.settings().seed()));
    header.put("confidence", Math.round(100 * r.settings().confidence()) + "%");
    return header;
  }

  public static Section scores(BacktestReport r) {
    List<String> columns = List.of("pattern", "horizon", "forecasts", "mape_pct", "wape_pct", "total_mape_pct", "bias_pct",
        "coverage_pct", "nominal_pct");
    List<List<String>> rows = new ArrayList<>();
    for (HorizonScore s : r.scores()) {
      rows.add(List.of(s.pattern(), s.horizon().label(), Integer.toString(s.forecasts()), fixed(s.mapePct()),
          fixed(s.wapePct()), fixed(s.totalMapePct()), fixed(s.biasPct()), fixed(s.coveragePct()), fixed(s.nominalPct())));
    }
    return new Section("scores", "Forecast of the rest of the period: errors (MAPE, spend-weighted WAPE, of the whole"
        + " period's total, signed bias) and how often the interval held the actual total", new Rows(columns, rows), NUMERIC);
  }

  public static Section classifier(BacktestReport r) {
    List<String> columns = List.of("pattern", "cuts", "named_right", "accuracy_pct", "named_instead");
    List<List<String>> rows = new ArrayList<>();
    for (NamingScore n : r.naming()) {
      String instead = n.named().entrySet().stream().filter(e -> e.getKey() != n.truth())
          .sorted(Map.Entry.<PatternKind, Integer>comparingByValue().reversed())
          .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", "));
      rows.add(List.of(n.truth().label(), Integer.toString(n.classified()), Integer.toString(n.correct()),
          fixed(n.accuracyPct()), instead.isEmpty() ? "-" : instead));
    }
    return new Section("classifier", "Pattern named at each cut against the pattern the series was made with",
        new Rows(columns, rows), NUMERIC);
  }

  private static String fixed(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
