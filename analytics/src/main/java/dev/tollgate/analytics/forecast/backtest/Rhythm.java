package dev.tollgate.analytics.forecast.backtest;

import java.util.SplittableRandom;

/** The expected share of calls per UTC hour of the week of a generated series, mean 1. */
final class Rhythm {
  private final double[] factors = new double[168];

  private Rhythm() {}

  /**
   * Spend driven by people across time zones or by services: a day-and-night wave of ±10% to ±30%
   * peaking in the afternoon, 5% to 25% less at weekends.
   */
  static Rhythm mild(SplittableRandom random) {
    Rhythm r = new Rhythm();
    double peak = 13 + random.nextDouble() * 4;
    double amplitude = 0.1 + random.nextDouble() * 0.2;
    double weekend = 0.75 + random.nextDouble() * 0.2;
    for (int slot = 0; slot < 168; slot++) {
      double wave = 1 + amplitude * Math.cos(2 * Math.PI * (slot % 24 - peak) / 24);
      r.factors[slot] = wave * (slot >= 120 ? weekend : 1);
    }
    return r.normalized();
  }

  /**
   * An internal tool: office hours of 9 or 10 hours with a lunch dip on weekdays; at night 4% to 20%
   * of an office hour (scheduled jobs), at weekends 5% to 35% during the day.
   */
  static Rhythm office(SplittableRandom random) {
    Rhythm r = new Rhythm();
    int opens = 7 + random.nextInt(3);
    int closes = opens + 9 + random.nextInt(2);
    double night = 0.04 + random.nextDouble() * 0.16;
    double weekendDay = 0.05 + random.nextDouble() * 0.3;
    for (int slot = 0; slot < 168; slot++) {
      int hour = slot % 24;
      double f;
      if (hour >= opens && hour < closes) {
        f = hour == opens + 4 ? 0.75 : 1;
      } else if (hour == opens - 1 || hour == closes) {
        f = 0.4;
      } else {
        f = 0;
      }
      r.factors[slot] = night + (slot >= 120 ? weekendDay * f : f);
    }
    return r.normalized();
  }

  double factor(int slot) {
    return factors[slot];
  }

  private Rhythm normalized() {
    double sum = 0;
    for (double f : factors) {
      sum += f;
    }
    for (int i = 0; i < factors.length; i++) {
      factors[i] *= factors.length / sum;
    }
    return this;
  }
}
