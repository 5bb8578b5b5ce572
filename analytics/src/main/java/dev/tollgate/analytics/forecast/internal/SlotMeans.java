package dev.tollgate.analytics.forecast.internal;

/** Means of an hourly series per local hour of the week, per weekday and per hour of day. */
final class SlotMeans {
  private final double[] sums = new double[HourSlots.WEEK];
  private final int[] counts = new int[HourSlots.WEEK];
  private double total;
  private int n;

  static SlotMeans of(double[] values, int[] slots, int from, int to) {
    SlotMeans means = new SlotMeans();
    for (int i = from; i < to; i++) {
      means.sums[slots[i]] += values[i];
      means.counts[slots[i]]++;
      means.total += values[i];
      means.n++;
    }
    return means;
  }

  double overall() {
    return n == 0 ? 0 : total / n;
  }

  int count(int slot) {
    return counts[slot];
  }

  double slot(int slot) {
    return counts[slot] == 0 ? 0 : sums[slot] / counts[slot];
  }

  /**
   * Mean per weekday, Monday first, as the mean of its hours' means: balanced, so that a day the
   * history holds only part of (its first, its last) does not weigh its hours unevenly. A weekday
   * never seen gets the mean of the others.
   */
  double[] dayOfWeek() {
    return balanced(7, 24, true);
  }

  /** Mean per hour of day, as the mean of that hour's weekday means; balanced in the same way. */
  double[] hourOfDay() {
    return balanced(24, 7, false);
  }

  /** The mean hour of a week: the mean of the weekday means. */
  double level() {
    return Stats.mean(dayOfWeek());
  }

  private double[] balanced(int groups, int members, boolean byDay) {
    double[] out = new double[groups];
    boolean[] seen = new boolean[groups];
    double seenSum = 0;
    int seenCount = 0;
    for (int g = 0; g < groups; g++) {
      double sum = 0;
      int n = 0;
      for (int m = 0; m < members; m++) {
        int slot = byDay ? g * 24 + m : m * 24 + g;
        if (counts[slot] > 0) {
          sum += sums[slot] / counts[slot];
          n++;
        }
      }
      if (n > 0) {
        out[g] = sum / n;
        seen[g] = true;
        seenSum += out[g];
        seenCount++;
      }
    }
    for (int g = 0; g < groups; g++) {
      if (!seen[g]) {
        out[g] = seenCount == 0 ? 0 : seenSum / seenCount;
      }
    }
    return out;
  }
}
