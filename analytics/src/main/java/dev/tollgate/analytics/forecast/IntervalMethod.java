package dev.tollgate.analytics.forecast;

import java.util.Locale;

/** Where the width of a prediction interval comes from. */
public enum IntervalMethod {
  /**
   * The model was refitted at earlier cuts of the history (one a day) and its errors over the same
   * horizon length were measured against what followed; the interval spans the middle of them.
   */
  ROLLING_ORIGIN,
  /**
   * As {@link #ROLLING_ORIGIN}, but the history is too short for this horizon, so the errors of the
   * longest horizon it allows are widened by the square root of the length ratio.
   */
  WIDENED,
  /** Under about a week of history: from the spread of the daily totals around the fit, assumed log-normal. */
  IN_SAMPLE;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
