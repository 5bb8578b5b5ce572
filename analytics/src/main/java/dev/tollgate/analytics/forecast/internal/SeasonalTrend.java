package dev.tollgate.analytics.forecast.internal;

import java.util.Arrays;

/**
 * The trend of daily totals by the seasonal Kendall test and the seasonal Sen slope (Hirsch, Slack and
 * Smith, 1982): days are compared only with the same weekday of other weeks, so a weekly rhythm
 * cannot pass for a trend, and slopes are taken on logarithms, so growth is a rate (spend that grows
 * by a share per week) and a burst moves the median of the pairwise slopes hardly at all.
 *
 * @param slopePerDay the median growth of log spend per day
 * @param z the Kendall statistic over its standard deviation under "no trend": beyond about 2 a trend
 *     this clear rarely comes from noise alone
 * @param slopeError the standard error of {@code slopePerDay}
 */
public record SeasonalTrend(double slopePerDay, double z, double slopeError) {
  public static final SeasonalTrend NONE = new SeasonalTrend(0, 0, 0);
  /** Two values per weekday at least: with fewer, a weekly rhythm cannot be told from a trend. */
  public static final int MIN_DAYS = 14;
  /** The least a day counts for in the logarithm, as a share of the mean day, so that a day without spend stays finite. */
  private static final double FLOOR_SHARE = 0.01;

  public static SeasonalTrend of(double[] dailyTotals) {
    int days = dailyTotals.length;
    double floor = FLOOR_SHARE * Stats.mean(dailyTotals);
    if (days < MIN_DAYS || floor <= 0) {
      return NONE;
    }
    double[] logs = new double[days];
    for (int i = 0; i < days; i++) {
      logs[i] = Math.log(Math.max(dailyTotals[i], floor));
    }
    double[] slopes = new double[pairs(days)];
    int count = 0;
    long kendall = 0;
    double variance = 0;
    for (int weekday = 0; weekday < 7; weekday++) {
      int n = 0;
      for (int j = days - 1 - weekday; j >= 0; j -= 7) {
        n++;
        for (int i = j - 7; i >= 0; i -= 7) {
          slopes[count++] = (logs[j] - logs[i]) / (j - i);
          kendall += Long.signum(Double.compare(dailyTotals[j], dailyTotals[i]));
        }
      }
      variance += n * (n - 1.0) * (2.0 * n + 5) / 18;
    }
    double[] sorted = Arrays.copyOf(slopes, count);
    Arrays.sort(sorted);
    double slope = Stats.median(sorted);
    // The continuity correction of the test: S moves in steps of 2, so 1 is taken off its size.
    double z = variance <= 0 ? 0 : (kendall - Long.signum(kendall)) / Math.sqrt(variance);
    return new SeasonalTrend(slope, z, rankError(sorted, variance));
  }

  /**
   * The standard error of the slope from the ranks of the pairwise slopes (the distribution-free
   * confidence interval of Sen's estimator): the slopes ranked sqrt(var S) below and above the middle
   * bound a one-standard-deviation interval.
   */
  private static double rankError(double[] sorted, double variance) {
    int n = sorted.length;
    double reach = Math.sqrt(variance);
    int lower = (int) Math.max(0, Math.floor((n - reach) / 2));
    int upper = (int) Math.min(n - 1, Math.ceil((n + reach) / 2));
    return (sorted[upper] - sorted[lower]) / 2;
  }

  /** Growth per week in percent, e.g. 10 for spend that grows by a tenth each week. */
  public double percentPerWeek() {
    return (Math.exp(7 * slopePerDay) - 1) * 100;
  }

  /**
   * The sum of squared distances of days from the mean day of their weekday group, over all groups:
   * the noise of daily log spend over its square root is the standard error of the slope.
   */
  public static double spreadOfDays(int days) {
    double total = 0;
    for (int weekday = 0; weekday < 7; weekday++) {
      int n = (days - weekday + 6) / 7;
      total += 49.0 * n * (n * (double) n - 1) / 12;
    }
    return Math.max(total, 1);
  }

  private static int pairs(int days) {
    int total = 0;
    for (int weekday = 0; weekday < 7; weekday++) {
      int n = (days - weekday + 6) / 7;
      total += n * (n - 1) / 2;
    }
    return total;
  }
}
