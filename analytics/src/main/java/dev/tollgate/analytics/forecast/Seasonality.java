package dev.tollgate.analytics.forecast;

import java.util.Locale;

/**
 * Which rhythm the model could learn from the history it had. A weekly profile needs several weeks;
 * with less, it falls back to the weekday level times the hour of day, to the hour of day alone, or
 * to no rhythm at all.
 */
public enum Seasonality {
  /** Under two days: every hour is expected to cost the same. */
  FLAT,
  /** Two to six days: one daily profile, every weekday alike. */
  HOUR_OF_DAY,
  /** One to three weeks: a level per weekday times one daily profile. */
  DAY_OF_WEEK,
  /** Three weeks or more: a profile of the 168 hours of the week, drawn towards day of week times hour of day where a slot has few weeks behind it. */
  HOUR_OF_WEEK;

  public static final int MIN_DAYS_HOUR_OF_DAY = 2;
  public static final int MIN_DAYS_DAY_OF_WEEK = 7;
  public static final int MIN_DAYS_HOUR_OF_WEEK = 21;

  /** The richest rhythm that {@code days} whole days of history support. */
  public static Seasonality forDays(int days) {
    if (days >= MIN_DAYS_HOUR_OF_WEEK) {
      return HOUR_OF_WEEK;
    }
    if (days >= MIN_DAYS_DAY_OF_WEEK) {
      return DAY_OF_WEEK;
    }
    return days >= MIN_DAYS_HOUR_OF_DAY ? HOUR_OF_DAY : FLAT;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
