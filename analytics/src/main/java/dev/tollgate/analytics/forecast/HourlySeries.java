package dev.tollgate.analytics.forecast;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Spend per hour in USD, exact, for consecutive whole hours from {@code start}. */
public record HourlySeries(Instant start, List<BigDecimal> amounts) {
  private static final long HOUR = 3600;

  public HourlySeries {
    if (!start.truncatedTo(ChronoUnit.HOURS).equals(start)) {
      throw new IllegalArgumentException("an hourly series starts on a whole hour, got " + start);
    }
    amounts = List.copyOf(amounts);
  }

  /** Every hour of [from, to), those missing from {@code byHour} as zero. */
  public static HourlySeries of(Instant from, Instant to, Map<Instant, BigDecimal> byHour) {
    int hours = hoursBetween(from, to);
    List<BigDecimal> amounts = new ArrayList<>(hours);
    for (int i = 0; i < hours; i++) {
      amounts.add(byHour.getOrDefault(from.plusSeconds(HOUR * i), BigDecimal.ZERO));
    }
    return new HourlySeries(from, amounts);
  }

  public int hours() {
    return amounts.size();
  }

  public Instant end() {
    return start.plusSeconds(HOUR * amounts.size());
  }

  public BigDecimal at(int hour) {
    return amounts.get(hour);
  }

  public BigDecimal total() {
    return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The exact sum of the whole hours of [from, to), which must lie within the series. */
  public BigDecimal sum(Instant from, Instant to) {
    return slice(from, to).total();
  }

  public HourlySeries slice(Instant from, Instant to) {
    int first = hoursBetween(start, from);
    int last = hoursBetween(start, to);
    if (first < 0 || last > hours() || first > last) {
      throw new IllegalArgumentException("[" + from + ", " + to + ") is not within the series [" + start + ", " + end() + ")");
    }
    return new HourlySeries(from, amounts.subList(first, last));
  }

  /**
   * The series from its first hour with spend on. Hours before a scope ever spent say nothing about
   * its usage: kept, they would read as a quiet start and then as growth.
   */
  public HourlySeries fromFirstSpend() {
    int first = 0;
    while (first < hours() && amounts.get(first).signum() == 0) {
      first++;
    }
    return new HourlySeries(start.plusSeconds(HOUR * first), amounts.subList(first, hours()));
  }

  /** The mean spend per hour, to 16 digits; zero for an empty series. */
  public BigDecimal meanPerHour() {
    return hours() == 0 ? BigDecimal.ZERO : total().divide(BigDecimal.valueOf(hours()), MathContext.DECIMAL64);
  }

  /**
   * Each hour divided by {@code scale}: dimensionless, so that the model may use doubles while money
   * stays exact; a zero scale gives zeros.
   */
  public double[] relativeTo(BigDecimal scale) {
    double[] out = new double[hours()];
    if (scale.signum() == 0) {
      return out;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = amounts.get(i).divide(scale, MathContext.DECIMAL64).doubleValue();
    }
    return out;
  }

  private static int hoursBetween(Instant from, Instant to) {
    Duration between = Duration.between(from, to);
    if (between.toSeconds() % HOUR != 0 || between.getNano() != 0) {
      throw new IllegalArgumentException("an hourly series is cut on whole hours, got " + from + " to " + to);
    }
    return Math.toIntExact(between.toSeconds() / HOUR);
  }
}
