package dev.tollgate.analytics.forecast.internal;

import dev.tollgate.analytics.forecast.Seasonality;
import java.util.Arrays;

/**
 * The weekly rhythm of a detrended hourly series: a level (mean spend per hour over a week) and 168
 * factors of mean 1, one per local hour of the week.
 *
 * @param freeParameters how many values the profile took from the data (about: shrunken slots count
 *     by their weight), for the adjusted share of variance it explains
 */
public record Profile(double level, double[] factors, Seasonality seasonality, double freeParameters) {
  /**
   * How many weeks of prior weight the day-of-week-times-hour-of-day product gets against a slot's own
   * mean. A slot rests on one value per week; with 8 weeks its own mean still carries a noise of a third
   * of the hourly noise, so it is drawn towards the product, which rests on many more values, as much
   * as 3 more weeks of data would.
   */
  private static final double PRIOR_WEEKS = 3;

  /** The profile of {@code values[from, to)}, whole days, whose hours have the local {@code slots}. */
  public static Profile estimate(double[] values, int[] slots, int from, int to) {
    int days = (to - from) / 24;
    Seasonality seasonality = Seasonality.forDays(days);
    SlotMeans means = SlotMeans.of(values, slots, from, to);
    double overall = means.overall();
    if (seasonality == Seasonality.FLAT || overall <= 0) {
      return flat(Math.max(overall, 0), seasonality);
    }
    double[] hourOfDay = normalized(means.hourOfDay());
    double level = seasonality == Seasonality.HOUR_OF_DAY ? Stats.mean(means.hourOfDay()) : means.level();
    double[] dayOfWeek = seasonality == Seasonality.HOUR_OF_DAY ? ones(7) : normalized(means.dayOfWeek());
    double[] factors = new double[HourSlots.WEEK];
    double ownWeight = 0;
    for (int slot = 0; slot < HourSlots.WEEK; slot++) {
      double product = dayOfWeek[HourSlots.dayOfWeek(slot)] * hourOfDay[HourSlots.hourOfDay(slot)];
      if (seasonality == Seasonality.HOUR_OF_WEEK) {
        int n = means.count(slot);
        double weight = n / (n + PRIOR_WEEKS);
        ownWeight += weight;
        factors[slot] = n == 0 ? product : weight * means.slot(slot) / level + (1 - weight) * product;
      } else {
        factors[slot] = product;
      }
    }
    double parameters = switch (seasonality) {
      case HOUR_OF_DAY -> 23;
      case DAY_OF_WEEK -> 29;
      case HOUR_OF_WEEK -> 29 + (HourSlots.WEEK - 30) * ownWeight / HourSlots.WEEK;
      case FLAT -> 0;
    };
    return new Profile(level, normalized(factors), seasonality, parameters);
  }

  public double factor(int slot) {
    return factors[slot];
  }

  private static Profile flat(double level, Seasonality seasonality) {
    return new Profile(level, ones(HourSlots.WEEK), seasonality, 0);
  }

  private static double[] ones(int n) {
    double[] out = new double[n];
    Arrays.fill(out, 1);
    return out;
  }

  /** Scaled to mean 1; all ones when there is nothing to scale. */
  private static double[] normalized(double[] values) {
    double mean = Stats.mean(values);
    if (mean <= 0) {
      return ones(values.length);
    }
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] / mean;
    }
    return out;
  }
}
