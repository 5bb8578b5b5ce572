package dev.tollgate.analytics.forecast;

import java.time.Duration;
import java.time.Instant;

/** A calendar period [start, end). */
public record CalendarPeriod(Instant start, Instant end) {
  public CalendarPeriod {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("a period ends after it starts, got " + start + " to " + end);
    }
  }

  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  public Duration length() {
    return Duration.between(start, end);
  }
}
