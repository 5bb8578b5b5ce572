package dev.tollgate.analytics.forecast;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * What to forecast: a scope's spend as seen at {@code at}, periods and rhythm in {@code zone}, learnt
 * from {@code historyWeeks} weeks before it.
 *
 * @param at the forecast's now, to the second; may lie in the past, to forecast inside history
 * @param now the real time: periods that ended before it are shown with what they actually cost
 */
public record ForecastRequest(SpendScope scope, Instant at, ZoneId zone, int historyWeeks, double confidence, Instant now) {
  public static final int DEFAULT_WEEKS = 8;
  public static final int MAX_WEEKS = 104;

  public ForecastRequest {
    at = at.truncatedTo(ChronoUnit.SECONDS);
    if (historyWeeks < 1 || historyWeeks > MAX_WEEKS) {
      throw new IllegalArgumentException("--weeks must be between 1 and " + MAX_WEEKS + ", got " + historyWeeks);
    }
  }

  /** The first hour of history. */
  public Instant historyFrom() {
    return historyTo().minus(historyWeeks * 7L, ChronoUnit.DAYS);
  }

  /** The end of history: the start of the hour that holds {@code at}. */
  public Instant historyTo() {
    return at.truncatedTo(ChronoUnit.HOURS);
  }
}
