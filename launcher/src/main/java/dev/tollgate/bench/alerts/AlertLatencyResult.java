package dev.tollgate.bench.alerts;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one alert-latency run measured. Latency is from the send of the usage event that crosses a
 * budget's threshold until its alert is readable (read_committed) on {@code tollgate.alerts}.
 *
 * @param ratePerSecond background events acknowledged in each second while probes were sent
 * @param peakPricingLag the most raw events the pricing processor was behind while probes were sent
 * @param peakBudgetLag the most records (priced events and their re-keyed spend) the budget
 *     processor was behind while probes were sent
 * @param stages cumulative latency from send to each point of the pipeline, in pipeline order
 */
public record AlertLatencyResult(
    String runId,
    int targetRate,
    List<Integer> ratePerSecond,
    long peakPricingLag,
    long peakBudgetLag,
    int probesSent,
    int probesReceived,
    int timeoutMs,
    int p50Ms,
    int p90Ms,
    int p99Ms,
    int p999Ms,
    int maxMs,
    List<StageLatency> stages) {

  public AlertLatencyResult {
    ratePerSecond = List.copyOf(ratePerSecond);
    stages = List.copyOf(stages);
  }

  public int timeouts() {
    return probesSent - probesReceived;
  }

  /** Mean background rate while probes were sent, events per second. */
  public double achievedRate() {
    return ratePerSecond.stream().mapToInt(Integer::intValue).average().orElse(0);
  }

  public int slowestSecond() {
    return ratePerSecond.stream().mapToInt(Integer::intValue).min().orElse(0);
  }

  public String table() {
    return String.join("\n",
        "run                          " + runId,
        String.format(Locale.ROOT, "background load              target %,d/s, achieved %,.0f/s (slowest second %,d/s)",
            targetRate, achievedRate(), slowestSecond()),
        "background per second        " + ratePerSecond.stream().map(r -> String.format(Locale.ROOT, "%,d", r))
            .collect(Collectors.joining(" ")),
        String.format(Locale.ROOT, "processor behind at most     pricing %,d records, budgets %,d records",
            peakPricingLag, peakBudgetLag),
        String.format(Locale.ROOT, "probes                       %d sent, %d alerts received, %d timed out (after %.0f s)",
            probesSent, probesReceived, timeouts(), timeoutMs / 1000.0),
        "alert latency                p50 " + p50Ms + " ms, p90 " + p90Ms + " ms, p99 " + p99Ms + " ms, p99.9 " + p999Ms
            + " ms, max " + maxMs + " ms",
        "time from send until         (cumulative)",
        stages.stream().map(StageLatency::row).collect(Collectors.joining("\n")));
  }

  public String json() {
    return String.format(Locale.ROOT,
        "{\"run\":\"%s\",\"target_rate\":%d,\"achieved_rate\":%.0f,\"slowest_second\":%d,\"rate_per_second\":[%s],"
            + "\"peak_lag\":{\"pricing\":%d,\"budgets\":%d},"
            + "\"probes\":%d,\"received\":%d,\"timeouts\":%d,\"timeout_ms\":%d,"
            + "\"latency_ms\":{\"p50\":%d,\"p90\":%d,\"p99\":%d,\"p999\":%d,\"max\":%d},\"stages\":[%s]}",
        runId, targetRate, achievedRate(), slowestSecond(),
        ratePerSecond.stream().map(String::valueOf).collect(Collectors.joining(",")), peakPricingLag, peakBudgetLag,
        probesSent, probesReceived, timeouts(), timeoutMs, p50Ms, p90Ms, p99Ms, p999Ms, maxMs,
        stages.stream().map(StageLatency::json).collect(Collectors.joining(",")));
  }
}
