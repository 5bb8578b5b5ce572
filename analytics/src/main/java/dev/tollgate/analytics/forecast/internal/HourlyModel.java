package dev.tollgate.analytics.forecast.internal;

import dev.tollgate.analytics.forecast.Seasonality;

/**
 * A fitted model of a dimensionless hourly series (spend divided by a fixed amount): expected value
 * of an hour = level × profile factor of its local slot × exp(growth × hours from the cut).
 *
 * @param cut the index of the first hour after the history the model was fitted on
 * @param days whole days of history used
 * @param trend the trend as measured, before {@code growthPerHour} was shrunk from it
 * @param growthPerHour the growth of log spend per hour that forecasts use
 */
public record HourlyModel(int cut, int days, Profile profile, SeasonalTrend trend, double growthPerHour) {

  public double level() {
    return profile.level();
  }

  public Seasonality seasonality() {
    return profile.seasonality();
  }

  /** Expected value of the hour with index {@code hour} (relative to the same series as {@code cut}) and local slot. */
  public double expected(int hour, int slot) {
    return profile.level() * profile.factor(slot) * Math.exp(growthPerHour * (hour + 0.5 - cut));
  }

  /** The same without the trend: the value the hour would have at the level of the cut. */
  public double expectedAtCutLevel(int slot) {
    return profile.level() * profile.factor(slot);
  }

  /**
   * Expected sum over the hours {@code [start, end)}, fractional hour positions allowed: a partly
   * covered hour counts by the share covered.
   */
  public double expectedSum(double start, double end, SlotLookup slots) {
    double sum = 0;
    for (int hour = (int) Math.floor(start); hour < end; hour++) {
      double covered = Math.min(end, hour + 1) - Math.max(start, hour);
      if (covered > 0) {
        sum += covered * expected(hour, slots.slot(hour));
      }
    }
    return sum;
  }

  /**
   * How many days of independent noise a forecast over {@code [start, end)} averages: the days (24-hour
   * blocks from the start) weighted by what each is expected to cost, so that quiet weekends count for
   * less than busy weekdays. At most the horizon's length in days.
   */
  public double effectiveDays(double start, double end, SlotLookup slots) {
    double sum = 0;
    double squares = 0;
    for (double from = start; from < end; from += 24) {
      double day = expectedSum(from, Math.min(end, from + 24), slots);
      sum += day;
      squares += day * day;
    }
    double days = (end - start) / 24;
    return squares <= 0 ? days : Math.min(days, sum * sum / squares);
  }

  /** The local slot of an hour index, in and beyond the history. */
  @FunctionalInterface
  public interface SlotLookup {
    int slot(int hour);
  }
}
