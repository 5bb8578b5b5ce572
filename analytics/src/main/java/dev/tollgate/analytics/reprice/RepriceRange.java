package dev.tollgate.analytics.reprice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The events a run re-prices: {@code occurred_at} in [from, to), UTC, in whole seconds as stored. */
public record RepriceRange(Instant from, Instant to) {
  public RepriceRange {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the range must end after it starts, got " + from + " to " + to);
    }
    from = from.truncatedTo(ChronoUnit.SECONDS);
    to = to.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * From the user's {@code --from} (a date, UTC) and {@code --to} (a date, included; absent: up to
   * {@code now}).
   */
  public static RepriceRange parse(String from, String to, Instant now) {
    Instant start = day("--from", from).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = to == null || to.isBlank() ? now : day("--to", to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(to == null || to.isBlank() ? "--from " + from + " has not begun yet (now is " + now + ")"
          : "--to must not be before --from, got " + from + " to " + to);
    }
    return new RepriceRange(start, end);
  }

  /** The range cut into UTC days, the first and last possibly partial, in order. */
  public List<RepriceRange> days() {
    List<RepriceRange> days = new ArrayList<>();
    Instant start = from;
    while (start.isBefore(to)) {
      Instant next = start.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
      Instant end = next.isBefore(to) ? next : to;
      days.add(new RepriceRange(start, end));
      start = end;
    }
    return days;
  }

  public LocalDate firstDay() {
    return LocalDate.ofInstant(from, ZoneOffset.UTC);
  }

  private static LocalDate day(String option, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(option + " is required: a date such as 2026-11-01");
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(option + " must be a date such as 2026-11-01, got \"" + text + "\"");
    }
  }

  @Override
  public String toString() {
    return from + " to " + to;
  }
}
