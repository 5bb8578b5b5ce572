package dev.tollgate.analytics.forecast.internal;

import dev.tollgate.analytics.forecast.PatternEvidence;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * Measures the evidence of a usage pattern on whole days of a dimensionless hourly series and the
 * model fitted to them. Hours are first brought to the level of the cut by the model's trend, so that
 * growth does not pass for variance or for a rhythm.
 */
public final class EvidenceMeasure {
  /** An hour is a burst beyond this many robust standard deviations above the usual deviation... */
  static final double SPIKE_SDS = 6;
  /** ...and when it adds at least one mean hour of spend: small scopes have wild but cheap hours. */
  static final double SPIKE_MIN_EXCESS_HOURS = 1;
  /** Hours expected below a quarter of the mean hour are measured against a quarter of it, not against the tiny expectation. */
  static final double QUIET_HOUR_FLOOR = 0.25;

  private final double[] actual;
  private final double[] expected;
  private final double level;

  private EvidenceMeasure(double[] values, int[] slots, HourlyModel model) {
    int hours = 24 * model.days();
    int start = model.cut() - hours;
    actual = new double[hours];
    expected = new double[hours];
    level = model.level();
    for (int i = 0; i < hours; i++) {
      actual[i] = values[start + i] * Math.exp(model.growthPerHour() * (model.cut() - start - i - 0.5));
      expected[i] = model.expectedAtCutLevel(slots[start + i]);
    }
  }

  public static PatternEvidence measure(double[] values, int[] slots, HourlyModel model) {
    EvidenceMeasure m = new EvidenceMeasure(values, slots, model);
    double[] dayRatios = m.dayRatios();
    Spikes spikes = m.spikes();
    boolean trendMeasured = model.days() >= SeasonalTrend.MIN_DAYS && model.level() > 0;
    return new PatternEvidence(model.days(),
        trendMeasured ? OptionalDouble.of(model.trend().percentPerWeek()) : OptionalDouble.empty(),
        model.trend().z(),
        dayRatios.length < 2 ? 0 : Stats.sd(dayRatios) / Stats.mean(dayRatios),
        m.explainedShare(model.profile().freeParameters()),
        Stats.sd(model.profile().factors()),
        spikes.hoursPct(), spikes.spendPct(),
        dayRatios.length == 0 || Stats.median(dayRatios) <= 0 ? 0 : max(dayRatios) / Stats.median(dayRatios),
        model.seasonality());
  }

  /** Each day's spend over what the rhythm expects of it; days expected to be empty are left out. */
  private double[] dayRatios() {
    int days = actual.length / 24;
    double[] ratios = new double[days];
    int n = 0;
    for (int d = 0; d < days; d++) {
      double a = 0;
      double e = 0;
      for (int i = 24 * d; i < 24 * (d + 1); i++) {
        a += actual[i];
        e += expected[i];
      }
      if (e > 0) {
        ratios[n++] = a / e;
      }
    }
    return Arrays.copyOf(ratios, n);
  }

  /**
   * 1 − residual variance / total variance, each over its degrees of freedom (the adjusted R²), so that
   * a profile of 168 slots does not seem to explain pure noise; 0 when it explains less than nothing.
   */
  private double explainedShare(double parameters) {
    int n = actual.length;
    if (n <= parameters + 1) {
      return 0;
    }
    double mean = Stats.mean(actual);
    double total = 0;
    double residual = 0;
    for (int i = 0; i < n; i++) {
      total += (actual[i] - mean) * (actual[i] - mean);
      residual += (actual[i] - expected[i]) * (actual[i] - expected[i]);
    }
    if (total <= 0) {
      return 0;
    }
    double share = 1 - (residual / (n - parameters - 1)) / (total / (n - 1));
    return Math.max(0, Math.min(1, share));
  }

  private Spikes spikes() {
    int n = actual.length;
    if (n == 0 || level <= 0) {
      return new Spikes(0, 0);
    }
    double[] deviations = new double[n];
    for (int i = 0; i < n; i++) {
      deviations[i] = (actual[i] - expected[i]) / Math.max(expected[i], QUIET_HOUR_FLOOR * level);
    }
    double threshold = Stats.median(deviations) + SPIKE_SDS * Stats.MAD_TO_SD * Stats.mad(deviations);
    int hours = 0;
    double excess = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += actual[i];
      double extra = actual[i] - expected[i];
      if (deviations[i] > threshold && extra >= SPIKE_MIN_EXCESS_HOURS * level) {
        hours++;
        excess += extra;
      }
    }
    return new Spikes(100.0 * hours / n, total <= 0 ? 0 : 100 * excess / total);
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  private record Spikes(double hoursPct, double spendPct) {}
}
