package dev.tollgate.workload.history;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Picks an index with probability proportional to its weight, by binary search over the running totals. */
final class WeightedChoice {
  private final long[] cumulative;

  private WeightedChoice(long[] cumulative) {
    this.cumulative = cumulative;
  }

  static WeightedChoice of(long... weights) {
    long[] cumulative = new long[weights.length];
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] < 0) {
        throw new IllegalArgumentException("weight " + i + " is negative: " + weights[i]);
      }
      total = Math.addExact(total, weights[i]);
      cumulative[i] = total;
    }
    if (total == 0) {
      throw new IllegalArgumentException("at least one weight must be positive");
    }
    return new WeightedChoice(cumulative);
  }

  int size() {
    return cumulative.length;
  }

  int pick(SplittableRandom random) {
    long r = random.nextLong(cumulative[cumulative.length - 1]);
    int i = Arrays.binarySearch(cumulative, r);
    // The first index whose running total exceeds r; zero-weight entries share their total with the one before and are skipped.
    i = i < 0 ? -i - 1 : i + 1;
    while (cumulative[i] <= r) {
      i++;
    }
    return i;
  }
}
