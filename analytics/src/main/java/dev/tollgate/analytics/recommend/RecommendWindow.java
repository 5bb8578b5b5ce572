package dev.tollgate.analytics.recommend;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The calls recommendations are drawn from: {@code occurred_at} in [from, to), in UTC. Savings are
 * told per 30-day month, scaled from the window's length; prices are those in effect at {@code to}.
 */
public record RecommendWindow(Instant from, Instant to) {
  public static final int MONTH_DAYS = 30;
  public static final int MAX_DAYS = 366;
  private static final BigDecimal MONTH_SECONDS = BigDecimal.valueOf(Duration.ofDays(MONTH_DAYS).toSeconds());

  public RecommendWindow {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the window must end after it starts, got " + from + " to " + to);
    }
    if (!from.truncatedTo(ChronoUnit.SECONDS).equals(from) || !to.truncatedTo(ChronoUnit.SECONDS).equals(to)) {
      throw new IllegalArgumentException("the window starts and ends on a whole second (the history keeps seconds), got "
          + from + " to " + to);
    }
  }

  /** The {@code days} days before {@code at}. */
  public static RecommendWindow lastDays(Instant at, int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw new IllegalArgumentException("--days must be between 1 and " + MAX_DAYS + ", got " + days);
    }
    return new RecommendWindow(at.minus(Duration.ofDays(days)), at);
  }

  /**
   * The end of the window as users write it: a date (UTC), meaning the start of that day, so
   * {@code 2026-12-01} ends the window with November; or an instant, cut to the second.
   */
  public static Instant parseAt(String text) {
    String trimmed = text.trim();
    try {
      return LocalDate.parse(trimmed).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADate) {
      try {
        return Instant.parse(trimmed).truncatedTo(ChronoUnit.SECONDS);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--at must be a date such as 2026-12-01 or an instant such as 2026-11-30T18:00:00Z, got \""
            + text + "\"");
      }
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }

  /** An amount of the window scaled to a 30-day month; exact when the window is 30 days long. */
  public BigDecimal perMonth(BigDecimal windowAmount) {
    BigDecimal seconds = BigDecimal.valueOf(length().toSeconds());
    return windowAmount.multiply(MONTH_SECONDS).divide(seconds, Math.max(12, windowAmount.scale()), RoundingMode.HALF_EVEN);
  }

  @Override
  public String toString() {
    return from + " to " + to;
  }
}
