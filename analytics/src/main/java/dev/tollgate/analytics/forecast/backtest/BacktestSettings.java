package dev.tollgate.analytics.forecast.backtest;

/**
 * What a backtest generates and how it forecasts.
 *
 * @param seriesPerPattern generated series of each pattern
 * @param seed the same seed gives the same series, cuts and figures
 * @param cutsPerSeries instants per series at which a forecast is made, at random whole hours within
 *     four weeks after the history
 * @param historyWeeks weeks of history each forecast learns from
 * @param confidence nominal coverage of the prediction intervals
 */
public record BacktestSettings(int seriesPerPattern, long seed, int cutsPerSeries, int historyWeeks, double confidence) {
  public static final int DEFAULT_SERIES = 50;
  public static final long DEFAULT_SEED = 1;
  public static final int DEFAULT_CUTS = 10;
  public static final int DEFAULT_WEEKS = 8;

  public BacktestSettings {
    if (seriesPerPattern < 1) {
      throw new IllegalArgumentException("--series must be at least 1, got " + seriesPerPattern);
    }
    if (cutsPerSeries < 1 || cutsPerSeries > 28 * 24) {
      throw new IllegalArgumentException("--cuts must be between 1 and 672, got " + cutsPerSeries);
    }
    if (historyWeeks < 1 || historyWeeks > 52) {
      throw new IllegalArgumentException("--weeks must be between 1 and 52, got " + historyWeeks);
    }
  }

  public static BacktestSettings defaults() {
    return new BacktestSettings(DEFAULT_SERIES, DEFAULT_SEED, DEFAULT_CUTS, DEFAULT_WEEKS, 0.80);
  }
}
