package dev.tollgate.bench.sdk;

import java.util.Locale;

/** Latency of one {@code Scope.record} call, in nanoseconds, over {@code samples} sampled calls. */
public record SdkRecordResult(double p50Ns, double p99Ns, double p999Ns, double maxNs, long samples) {
  /** The SDK's promise: recording costs the caller under 5 µs at p99. */
  public static final double P99_TARGET_NS = 5_000;

  public boolean meetsTarget() {
    return p99Ns < P99_TARGET_NS;
  }

  public String table() {
    return String.format(Locale.ROOT, "Scope.record(Usage)  p50 %,.0f ns, p99 %,.0f ns, p99.9 %,.0f ns, max %,.0f ns"
            + "  (%,d samples; p99 target < %,.0f ns: %s)",
        p50Ns, p99Ns, p999Ns, maxNs, samples, P99_TARGET_NS, meetsTarget() ? "met" : "NOT met");
  }

  public String json() {
    return String.format(Locale.ROOT,
        "{\"bench\":\"sdk-record\",\"p50_ns\":%.0f,\"p99_ns\":%.0f,\"p999_ns\":%.0f,\"max_ns\":%.0f,\"samples\":%d}",
        p50Ns, p99Ns, p999Ns, maxNs, samples);
  }
}
