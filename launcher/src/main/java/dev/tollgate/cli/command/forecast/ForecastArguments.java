package dev.tollgate.cli.command.forecast;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The options of the forecast commands as users write them, read with errors that name the option. */
final class ForecastArguments {
  private ForecastArguments() {}

  /** An instant ({@code 2026-10-20T15:30:00Z}, or with an offset) or a date, which means its start in {@code zone}; absent: now. */
  static Instant at(String text, ZoneId zone, Instant now) {
    if (text == null || text.isBlank()) {
      return now;
    }
    String t = text.trim();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException notAnInstant) {
      try {
        return LocalDate.parse(t).atStartOfDay(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--at must be an instant such as 2026-10-20T15:30:00Z or a date such as 2026-10-20"
            + " (its start in --timezone), got \"" + text + "\"");
      }
    }
  }

  /** A percentage from 50 to 99, with or without {@code %}, as a share. */
  static double confidence(String text) {
    String t = text.trim();
    try {
      double pct = Double.parseDouble(t.endsWith("%") ? t.substring(0, t.length() - 1) : t);
      if (pct >= 50 && pct <= 99) {
        return pct / 100;
      }
    } catch (NumberFormatException e) {
      // told below, with the accepted range
    }
    throw new IllegalArgumentException("--confidence must be a percentage from 50 to 99, such as 80, got \"" + text + "\"");
  }

  static ZoneId zone(String text) {
    try {
      return ZoneId.of(text.trim());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("--timezone must be a time zone such as UTC or Europe/Berlin, got \"" + text + "\"");
    }
  }
}
