package dev.tollgate.bench.alerts;

import java.util.List;
import java.util.Locale;

/**
 * How long after its send a probe reached one point of the pipeline, in ms, over the probes that
 * were seen there.
 */
public record StageLatency(String stage, int seen, int p50Ms, int p90Ms, int p99Ms, int maxMs) {

  static StageLatency of(String stage, List<Integer> latenciesMs) {
    int[] p = Percentiles.of(latenciesMs, 50, 90, 99, 100);
    return new StageLatency(stage, latenciesMs.size(), p[0], p[1], p[2], p[3]);
  }

  String row() {
    return String.format(Locale.ROOT, "  %-37s p50 %5d  p90 %5d  p99 %5d  max %5d ms  (%d seen)", stage, p50Ms, p90Ms, p99Ms,
        maxMs, seen);
  }

  String json() {
    return String.format(Locale.ROOT, "{\"stage\":\"%s\",\"seen\":%d,\"p50\":%d,\"p90\":%d,\"p99\":%d,\"max\":%d}",
        stage, seen, p50Ms, p90Ms, p99Ms, maxMs);
  }
}
