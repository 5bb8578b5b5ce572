package dev.tollgate.analytics.forecast.backtest;

import dev.tollgate.analytics.forecast.HourlySeries;
import dev.tollgate.analytics.forecast.PatternKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hourly spend of one generated scope with a known pattern. Calls per hour are Poisson around
 * base × rhythm × trend × a day effect × an hour effect (days and hours vary more than Poisson
 * alone, since users come and go together), plus bursts for the spiky pattern; each hour is priced
 * exactly from its token counts. A scope makes 2,000 to 40,000 calls a day, about $20 to $400.
 * Growing scopes grow by 4% to 15% a week, declining ones shrink by 4% to 12%.
 */
public final class SyntheticSpend {
  static final double MIN_CALLS_PER_DAY = 2_000;
  static final double MAX_CALLS_PER_DAY = 40_000;
  static final double DAY_SD = 0.08;
  static final double HOUR_SD = 0.12;
  /** Bursts of the spiky pattern, a batch job or a runaway loop: 0.5 to 2 a week. */
  static final double MIN_BURSTS_PER_WEEK = 0.5;
  static final double MAX_BURSTS_PER_WEEK = 2;

  private SyntheticSpend() {}

  /** {@code hours} hours from {@code start} (a whole hour, rhythm in UTC) of a scope with this pattern. */
  public static HourlySeries generate(PatternKind pattern, Instant start, int hours, SplittableRandom random) {
    if (pattern == PatternKind.TOO_LITTLE_HISTORY) {
      throw new IllegalArgumentException("no series is generated for " + pattern.label());
    }
    double perHour = Math.exp(Math.log(MIN_CALLS_PER_DAY) + random.nextDouble() * Math.log(MAX_CALLS_PER_DAY / MIN_CALLS_PER_DAY)) / 24;
    Rhythm rhythm = pattern == PatternKind.SEASONAL ? Rhythm.office(random) : Rhythm.mild(random);
    double weeklyGrowth = switch (pattern) {
      case GROWING -> 0.04 + random.nextDouble() * 0.11;
      case DECLINING -> -(0.04 + random.nextDouble() * 0.08);
      default -> 0;
    };
    double growthPerHour = Math.log(1 + weeklyGrowth) / 168;
    double[] bursts = pattern == PatternKind.SPIKY ? bursts(hours, perHour, random) : new double[hours];
    int firstSlot = slot(start);
    List<BigDecimal> amounts = new ArrayList<>(hours);
    double dayEffect = 1;
    for (int i = 0; i < hours; i++) {
      if (i == 0 || (firstSlot + i) % 24 == 0) {
        dayEffect = lognormal(DAY_SD, random);
      }
      double mean = perHour * rhythm.factor((firstSlot + i) % 168) * Math.exp(growthPerHour * i) * dayEffect
          * lognormal(HOUR_SD, random);
      BigDecimal usual = CallCosts.cost(CallCosts.poisson(mean, random), 1, random);
      BigDecimal burst = CallCosts.cost(CallCosts.poisson(bursts[i], random), 3, random);
      amounts.add(usual.add(burst));
    }
    return new HourlySeries(start, amounts);
  }

  /** Extra calls per hour: bursts of 1 to 6 hours at 4 to 15 times the base rate, with prompts three times as long. */
  private static double[] bursts(int hours, double perHour, SplittableRandom random) {
    double[] extra = new double[hours];
    double perWeek = MIN_BURSTS_PER_WEEK + random.nextDouble() * (MAX_BURSTS_PER_WEEK - MIN_BURSTS_PER_WEEK);
    long count = CallCosts.poisson(perWeek * hours / 168.0, random);
    for (long b = 0; b < count; b++) {
      int at = random.nextInt(hours);
      int length = 1 + random.nextInt(6);
      double size = perHour * (4 + random.nextDouble() * 11);
      for (int i = at; i < Math.min(hours, at + length); i++) {
        extra[i] += size;
      }
    }
    return extra;
  }

  private static double lognormal(double sd, SplittableRandom random) {
    return Math.exp(sd * random.nextGaussian() - sd * sd / 2);
  }

  private static int slot(Instant start) {
    if (!start.truncatedTo(ChronoUnit.HOURS).equals(start)) {
      throw new IllegalArgumentException("a generated series starts on a whole hour, got " + start);
    }
    long hour = start.getEpochSecond() / 3600;
    // 1970-01-01 was a Thursday: slot 72 of a week that starts on Monday.
    return (int) ((hour + 72) % 168);
  }
}
