package dev.tollgate.analytics.forecast.internal;

import dev.tollgate.analytics.forecast.IntervalMethod;
import dev.tollgate.analytics.forecast.Seasonality;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's own forecast errors on its history, as log((actual + k) / (forecast + k)) (see
 * {@link ErrorBand}). The model is refitted at cuts one day apart going back from the last cut (so
 * each refit forecasts from the same time of day), on all the history before each, and its forecast
 * of the sum over a horizon is compared with what the history holds next. The refits keep the trend
 * of the final fit: measured on two or three weeks, a trend is far less clear than on eight, and the
 * refits' errors would speak of a worse model than the one in use.
 *
 * <p>Windows of a long horizon overlap from one cut to the next, so their spread rests on few
 * independent values and understates how far the level can be off. The interval is therefore at
 * least as wide as a normal one built from the noise of single days and the error of the level
 * ({@link #normalSpread}); the measured errors widen it where they are wider or skewed (bursts).
 */
public final class HorizonErrors {
  static final int MIN_SAMPLES = 5;
  static final int MAX_ORIGINS = 70;
  static final int MAX_MIN_FIT_DAYS = 14;
  static final int MIN_FIT_DAYS = 3;
  /** Spread of the daily log errors assumed when there are not even two days to measure it. */
  static final double UNKNOWN_DAILY_SPREAD = 0.5;
  /** Caps the correlation of consecutive days, above which a handful of days would count as one. */
  static final double MAX_DAY_CORRELATION = 0.8;
  /** The standard error of a median of n normal values is sqrt(pi / 2) standard deviations over sqrt(n). */
  static final double MEDIAN_ERROR_PER_SD = Math.sqrt(Math.PI / 2);

  private final double[] values;
  private final int[] slots;
  private final int cut;
  private final double offset;
  private final HourlyModel model;
  private final List<HourlyModel> origins = new ArrayList<>();
  private double dailySpread;
  private double carryOver = 1;

  /**
   * @param offset hours between the cut and the start of the forecasts (the part of the current hour
   *     already gone), between 0 and 1
   */
  public HorizonErrors(double[] values, int[] slots, int from, int cut, double offset, HourlyModel model) {
    this.values = values;
    this.slots = slots;
    this.cut = cut;
    this.offset = offset;
    this.model = model;
    int days = (cut - from) / 24;
    int minFitHours = 24 * Math.max(MIN_FIT_DAYS, Math.min(MAX_MIN_FIT_DAYS, days / 2));
    for (int k = 1; k <= MAX_ORIGINS && cut - 24 * k - from >= minFitHours; k++) {
      origins.add(ModelFit.fit(values, slots, from, cut - 24 * k, model.trend()));
    }
    measureDays();
  }

  /**
   * The band for a forecast over {@code hours} hours from the cut plus the offset, whose noise averages
   * over {@code noiseDays} days (see {@link HourlyModel#effectiveDays}).
   */
  public ErrorBand band(double hours, double noiseDays, double confidence) {
    double tail = (1 - confidence) / 2;
    double z = Stats.normalQuantile(1 - tail);
    double normal = z * normalSpread(hours, noiseDays);
    int k = origins.size();
    double longest = 24.0 * (k - MIN_SAMPLES + 1) - offset;
    double[] errors = k < MIN_SAMPLES ? new double[0] : errors(Math.min(hours, longest));
    if (errors.length < MIN_SAMPLES) {
      double spread = z * dailySpread * Math.sqrt(1 / Math.max(noiseDays, 0.25) + 1.0 / Math.max(model.days(), 1));
      return new ErrorBand(-spread, 0, spread, IntervalMethod.IN_SAMPLE, 0);
    }
    double widen = hours > longest ? Math.sqrt(hours / longest) : 1;
    double center = calibration(errors, hours);
    double low = widen * Stats.quantile(errors, tail);
    double high = widen * Stats.quantile(errors, 1 - tail);
    return new ErrorBand(Math.min(low, center - normal), center, Math.max(high, center + normal),
        hours > longest ? IntervalMethod.WIDENED : IntervalMethod.ROLLING_ORIGIN, errors.length);
  }

  /**
   * How far to move the model's forecast: by the median of its errors, to forecast what a period
   * usually costs rather than its mean (where spend comes in bursts, most periods have none), but only
   * as far as the median stands out of its own noise. That median rests on fewer independent values
   * the longer the horizon, since windows one day apart overlap; moved by a noisy median, a forecast
   * only gets worse. Nothing below one standard error, all of it from two on.
   */
  static double calibration(double[] errors, double hours) {
    double median = Stats.median(errors);
    double independent = Math.max(1, errors.length * Math.min(1, 24 / hours));
    double standardError = MEDIAN_ERROR_PER_SD * Stats.sd(errors) / Math.sqrt(independent);
    if (standardError <= 0) {
      return median;
    }
    double weight = Math.min(1, Math.max(0, Math.abs(median) / standardError - 1));
    return weight * median;
  }

  private double[] errors(double hours) {
    List<Double> out = new ArrayList<>();
    for (HourlyModel origin : origins) {
      double start = origin.cut() + offset;
      double end = start + hours;
      if (end > cut + 1e-9) {
        continue;
      }
      double actual = actualSum(start, end);
      double forecast = origin.expectedSum(start, end, i -> slots[i]);
      double k = ErrorBand.offset(origin.level(), hours);
      if (forecast + k > 0 && actual + k > 0) {
        out.add(Math.log((actual + k) / (forecast + k)));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private double actualSum(double start, double end) {
    double sum = 0;
    for (int hour = (int) Math.floor(start); hour < end; hour++) {
      double covered = Math.min(end, hour + 1) - Math.max(start, hour);
      if (covered > 0) {
        sum += covered * values[hour];
      }
    }
    return sum;
  }

  /**
   * The spread of the log error of a forecast over {@code hours} if errors were normal: the noise of
   * the days of the horizon, which averages out, plus the error of the level the final fit measured on
   * its days, plus, when a trend is extrapolated, the error of its slope carried from the middle of the
   * history to the middle of the horizon. Averages over many days use the long-run variance of daily
   * noise, which counts what one day's deviation carries over to the next two (a day starts at the
   * cut's time of day, so one calendar day's swing is shared by two such days).
   */
  double normalSpread(double hours, double noiseDays) {
    int days = Math.max(model.days(), 1);
    double horizonDays = hours / 24;
    double daily = dailySpread * dailySpread;
    double longRun = daily * carryOver;
    double noise = Math.min(daily / Math.min(noiseDays, 1), longRun / Math.max(noiseDays, 1));
    double slope = 0;
    if (model.growthPerHour() != 0) {
      double share = model.growthPerHour() * 24 / model.trend().slopePerDay();
      slope = Math.pow(share * model.trend().slopeError() * (days + horizonDays) / 2, 2);
    }
    return Math.sqrt(longRun / days + slope + noise);
  }

  /** The spread of the history's daily totals around the final fit, as log errors, and how much of it carries over to the next days. */
  private void measureDays() {
    int days = model.days();
    if (days < 2) {
      dailySpread = UNKNOWN_DAILY_SPREAD;
      return;
    }
    double[] logs = new double[days];
    int start = cut - 24 * days;
    double k = ErrorBand.offset(model.level(), 24);
    for (int d = 0; d < days; d++) {
      double actual = actualSum(start + 24 * d, start + 24 * (d + 1));
      double fitted = model.expectedSum(start + 24 * d, start + 24 * (d + 1), i -> slots[i]);
      logs[d] = k > 0 ? Math.log((actual + k) / (fitted + k)) : 0;
    }
    // The fit took a level per weekday from these same days, which pulls them towards it: undone here.
    int fitted = model.seasonality() == Seasonality.DAY_OF_WEEK || model.seasonality() == Seasonality.HOUR_OF_WEEK ? 7 : 1;
    dailySpread = Stats.sd(logs) * Math.sqrt(days / (double) Math.max(days - fitted, 1));
    carryOver = 1 + 2 * Math.max(0, Math.min(MAX_DAY_CORRELATION, Stats.autocorrelation(logs, 1)))
        + 2 * Math.max(0, Math.min(MAX_DAY_CORRELATION, Stats.autocorrelation(logs, 2)));
  }
}
