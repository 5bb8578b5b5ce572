package dev.tollgate.analytics.forecast.backtest;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * What a number of model calls costs: token counts drawn per call (summed by the central limit
 * theorem, since hundreds of calls make an hour), priced exactly at $3 per million input and $15 per
 * million output tokens, the list prices of a mid-range model.
 */
final class CallCosts {
  private static final double INPUT_MEAN = 1500;
  private static final double INPUT_SD = 1200;
  private static final double OUTPUT_MEAN = 350;
  private static final double OUTPUT_SD = 300;
  private static final long INPUT_MICRO_USD_PER_TOKEN = 3;
  private static final long OUTPUT_MICRO_USD_PER_TOKEN = 15;

  private CallCosts() {}

  /** The cost of {@code calls} calls whose prompts are {@code contextFactor} times the usual size. */
  static BigDecimal cost(long calls, double contextFactor, SplittableRandom random) {
    if (calls == 0) {
      return BigDecimal.ZERO;
    }
    long input = tokens(calls, INPUT_MEAN * contextFactor, INPUT_SD * contextFactor, random);
    long output = tokens(calls, OUTPUT_MEAN, OUTPUT_SD, random);
    return BigDecimal.valueOf(input * INPUT_MICRO_USD_PER_TOKEN + output * OUTPUT_MICRO_USD_PER_TOKEN, 6);
  }

  private static long tokens(long calls, double mean, double sd, SplittableRandom random) {
    double sum = calls * mean + Math.sqrt(calls) * sd * random.nextGaussian();
    return Math.max(calls, Math.round(sum));
  }

  /** A Poisson count: exact below 30, normal above, where the two no longer differ in a way that matters here. */
  static long poisson(double mean, SplittableRandom random) {
    if (mean <= 0) {
      return 0;
    }
    if (mean >= 30) {
      return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double limit = Math.exp(-mean);
    long k = 0;
    double product = random.nextDouble();
    while (product > limit) {
      k++;
      product *= random.nextDouble();
    }
    return k;
  }
}
