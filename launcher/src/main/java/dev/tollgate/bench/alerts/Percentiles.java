package dev.tollgate.bench.alerts;

import java.util.Arrays;
import java.util.List;

/** Nearest-rank percentiles of a set of latencies in ms. */
final class Percentiles {
  private Percentiles() {}

  /** One value per requested percentile p in (0, 100]; -1 each when there are no values. */
  static int[] of(List<Integer> values, double... ps) {
    int[] sorted = values.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(sorted);
    int n = sorted.length;
    int[] out = new int[ps.length];
    for (int k = 0; k < ps.length; k++) {
      out[k] = n == 0 ? -1 : sorted[Math.max(0, Math.min(n - 1, (int) Math.ceil(ps[k] / 100 * n) - 1))];
    }
    return out;
  }
}
