package dev.tollgate.analytics.forecast.backtest;

import dev.tollgate.analytics.forecast.Horizon;
import java.util.List;

/** The figures of a backtest: forecast errors and interval coverage per pattern and horizon, and the classifier's hits. */
public record BacktestReport(BacktestSettings settings, int series, int forecasts, List<HorizonScore> scores,
    List<NamingScore> naming) {
  public BacktestReport {
    scores = List.copyOf(scores);
    naming = List.copyOf(naming);
  }

  public HorizonScore score(String pattern, Horizon horizon) {
    return scores.stream().filter(s -> s.pattern().equals(pattern) && s.horizon() == horizon).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no score for " + pattern + " at " + horizon));
  }
}
