package dev.tollgate.analytics.forecast;

import dev.tollgate.analytics.forecast.internal.EvidenceMeasure;
import dev.tollgate.analytics.forecast.internal.HourSlots;
import dev.tollgate.analytics.forecast.internal.HourlyModel;
import dev.tollgate.analytics.forecast.internal.ModelFit;
import java.math.BigDecimal;
import java.time.ZoneId;

/**
 * Names the usage pattern of an hourly spend series. The first rule that holds names it; the order is
 * how fast each pattern can hurt a budget: a burst crosses one within hours, a trend compounds over
 * weeks, a rhythm repeats and is forecast well. Thresholds and why:
 * <ol>
 *   <li>under {@value #MIN_DAYS} whole days: too little history, since a week at least is needed to
 *       tell a weekly rhythm from a trend or a burst;</li>
 *   <li>spiky: bursts (hours at least 6 robust standard deviations and one mean hour above what the
 *       rhythm expects) added {@value #SPIKY_SPEND_PCT}% or more of the spend, an amount that moves a
 *       period's total; or days swing around their expectation with a coefficient of variation of
 *       {@value #IRREGULAR_DAILY_CV} or more, so irregular that no level holds;</li>
 *   <li>growing or declining: two weeks of history or more, a trend clear enough that noise alone
 *       makes one as strong in about 3 series out of 1000 (|z| ≥ {@value #TREND_Z}), and at least
 *       {@value #TREND_PCT_PER_WEEK}% per week, which changes spend by a fifth within a month;</li>
 *   <li>seasonal: the weekly profile explains at least {@value #SEASONAL_STRENGTH} of the hourly
 *       variance and the usual hour is {@value #SEASONAL_SWING} or more of the mean away from it: a
 *       rhythm both reliable and large (office hours, quiet weekends), rather than the mild
 *       day-and-night wave that nearly every human-driven spend has;</li>
 *   <li>steady otherwise.</li>
 * </ol>
 */
public final class PatternClassifier {
  public static final int MIN_DAYS = 7;
  public static final double SPIKY_SPEND_PCT = 10;
  public static final double IRREGULAR_DAILY_CV = 0.5;
  public static final double TREND_Z = 3;
  public static final double TREND_PCT_PER_WEEK = 5;
  public static final double SEASONAL_STRENGTH = 0.3;
  public static final double SEASONAL_SWING = 0.35;

  private PatternClassifier() {}

  /** The pattern of {@code history} (from its first hour with spend), its rhythm counted in {@code zone}. */
  public static UsagePattern classify(HourlySeries history, ZoneId zone) {
    HourlySeries used = history.fromFirstSpend();
    BigDecimal scale = used.meanPerHour();
    double[] values = used.relativeTo(scale);
    int[] slots = HourSlots.slots(used.start(), used.hours(), zone);
    HourlyModel model = ModelFit.fit(values, slots, 0, values.length);
    return decide(EvidenceMeasure.measure(values, slots, model));
  }

  /** The decision rule on measured evidence. */
  public static UsagePattern decide(PatternEvidence e) {
    if (e.days() < MIN_DAYS) {
      return new UsagePattern(PatternKind.TOO_LITTLE_HISTORY, e, e.days() + " whole days of history, " + MIN_DAYS + " needed");
    }
    if (e.spikeSpendPct() >= SPIKY_SPEND_PCT) {
      return new UsagePattern(PatternKind.SPIKY, e, String.format("bursts added %.1f%% of the spend (>= %.0f%%)",
          e.spikeSpendPct(), SPIKY_SPEND_PCT));
    }
    if (e.dailyCv() >= IRREGULAR_DAILY_CV) {
      return new UsagePattern(PatternKind.SPIKY, e, String.format("days vary with a coefficient of variation of %.2f (>= %.2f)",
          e.dailyCv(), IRREGULAR_DAILY_CV));
    }
    if (e.growthPctPerWeek().isPresent() && Math.abs(e.trendZ()) >= TREND_Z
        && Math.abs(e.growthPctPerWeek().getAsDouble()) >= TREND_PCT_PER_WEEK) {
      double growth = e.growthPctPerWeek().getAsDouble();
      return new UsagePattern(growth > 0 ? PatternKind.GROWING : PatternKind.DECLINING, e,
          String.format("%+.1f%% per week (|%.1f| >= %.0f%%), trend z %.1f (|z| >= %.0f)", growth, growth,
              TREND_PCT_PER_WEEK, e.trendZ(), TREND_Z));
    }
    if (e.seasonalityStrength() >= SEASONAL_STRENGTH && e.profileSwing() >= SEASONAL_SWING) {
      return new UsagePattern(PatternKind.SEASONAL, e, String.format(
          "the weekly profile explains %.0f%% of the hourly variance (>= %.0f%%) and swings by %.2f (>= %.2f)",
          100 * e.seasonalityStrength(), 100 * SEASONAL_STRENGTH, e.profileSwing(), SEASONAL_SWING));
    }
    return new UsagePattern(PatternKind.STEADY, e, "no burst, trend or strong rhythm beyond the thresholds");
  }
}
