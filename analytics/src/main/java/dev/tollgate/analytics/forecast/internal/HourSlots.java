package dev.tollgate.analytics.forecast.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The hour of the week, 0 (Monday 00:00 to 01:00) to 167, that an hour of the series falls in, in local
 * time of a zone. Users keep local office hours, so across a change to or from daylight saving time
 * the rhythm stays on the same local slots. An hour is placed by its middle, which also puts the UTC
 * hours of zones with half-hour offsets on one local hour.
 */
public final class HourSlots {
  public static final int WEEK = 168;
  private static final int HALF_HOUR = 1800;

  private HourSlots() {}

  public static int slot(Instant hourStart, ZoneId zone) {
    Instant middle = hourStart.plusSeconds(HALF_HOUR);
    ZoneOffset offset = zone.getRules().getOffset(middle);
    LocalDateTime local = LocalDateTime.ofEpochSecond(middle.getEpochSecond(), 0, offset);
    return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
  }

  /** The slots of {@code hours} consecutive hours from {@code start}. */
  public static int[] slots(Instant start, int hours, ZoneId zone) {
    int[] out = new int[hours];
    ZoneRules rules = zone.getRules();
    if (rules.isFixedOffset()) {
      int first = slot(start, zone);
      for (int i = 0; i < hours; i++) {
        out[i] = (first + i) % WEEK;
      }
      return out;
    }
    for (int i = 0; i < hours; i++) {
      out[i] = slot(start.plusSeconds(3600L * i), zone);
    }
    return out;
  }

  public static int hourOfDay(int slot) {
    return slot % 24;
  }

  public static int dayOfWeek(int slot) {
    return slot / 24;
  }
}
