package dev.tollgate.workload.history;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * When calls happen over a span of the month, as seen by a tenant in one time zone: busiest in local
 * working hours, quiet at night, and weekends at about a third of a weekday.
 */
final class MonthRhythm {
  private static final long HOUR_MILLIS = 3_600_000L;
  /** Relative activity of each local hour of the day, 00:00 to 23:00. */
  private static final int[] HOUR_OF_DAY = {
      8, 6, 5, 5, 6, 10, 20, 45, 80, 100, 105, 100, 85, 95, 100, 95, 85, 65, 45, 35, 28, 22, 16, 11};
  private static final int WEEKDAY = 100;
  private static final int SATURDAY = 35;
  private static final int SUNDAY = 30;

  private final long start;
  private final long end;
  private final ZoneOffset zone;
  private final WeightedChoice hours;

  /** The rhythm over [start, end) of a tenant whose working day follows {@code zone}. */
  MonthRhythm(Instant start, Instant end, ZoneOffset zone) {
    this.start = start.toEpochMilli();
    this.end = end.toEpochMilli();
    this.zone = zone;
    int count = (int) ((this.end - this.start + HOUR_MILLIS - 1) / HOUR_MILLIS);
    long[] weights = new long[count];
    for (int h = 0; h < count; h++) {
      long hourStart = this.start + h * HOUR_MILLIS;
      long length = Math.min(HOUR_MILLIS, this.end - hourStart);
      // A partial last hour (the current one) weighs in proportion to the part that has passed.
      weights[h] = weight(hourStart) * length / 1000 + 1;
    }
    this.hours = WeightedChoice.of(weights);
  }

  /** An instant in [start, end), drawn with this rhythm. */
  Instant next(SplittableRandom random) {
    long hourStart = start + hours.pick(random) * HOUR_MILLIS;
    long length = Math.min(HOUR_MILLIS, end - hourStart);
    return Instant.ofEpochMilli(hourStart + random.nextLong(length));
  }

  /** A local night-time instant of the same local day as {@code at}, when overnight batch jobs run; {@code at} if that falls outside the span. */
  Instant overnight(Instant at, SplittableRandom random) {
    long midnight = ZonedDateTime.ofInstant(at, zone).toLocalDate().atStartOfDay(zone).toInstant().toEpochMilli();
    long t = midnight + HOUR_MILLIS + random.nextLong(4 * HOUR_MILLIS);
    return t >= start && t < end ? Instant.ofEpochMilli(t) : at;
  }

  /** Clamps an instant derived from a drawn one (a later call of the same job) into the span. */
  Instant clamp(Instant at) {
    long t = at.toEpochMilli();
    return t < end ? at : Instant.ofEpochMilli(end - 1);
  }

  private long weight(long hourStart) {
    ZonedDateTime local = ZonedDateTime.ofInstant(Instant.ofEpochMilli(hourStart), zone);
    DayOfWeek day = local.getDayOfWeek();
    int dayWeight = day == DayOfWeek.SATURDAY ? SATURDAY : day == DayOfWeek.SUNDAY ? SUNDAY : WEEKDAY;
    return (long) dayWeight * HOUR_OF_DAY[local.getHour()];
  }
}
