package dev.tollgate.bench;

/** What one benchmark run measured. Durations in ms from the first publish. */
public record BenchResult(
    String runId,
    int events,
    int targetRate,
    int partitions,
    long publishedMs,
    long pricedMs,
    long inClickHouseMs,
    int p50Ms,
    int p90Ms,
    int p99Ms,
    int p999Ms,
    int maxMs,
    long rowsInClickHouse,
    long distinctInClickHouse) {

  public double throughputPerSecond() {
    return events * 1000.0 / inClickHouseMs;
  }

  public double publishRatePerSecond() {
    return events * 1000.0 / publishedMs;
  }

  public String table() {
    return String.join("\n",
        "run                          " + runId,
        "events                       " + String.format("%,d", events),
        "target publish rate          " + (targetRate == 0 ? "as fast as possible" : String.format("%,d/s", targetRate)),
        "partitions (raw, priced)     " + partitions,
        "published in                 " + seconds(publishedMs) + String.format("  (%,.0f events/s)", publishRatePerSecond()),
        "all priced (read_committed)  " + seconds(pricedMs),
        "all in ClickHouse            " + seconds(inClickHouseMs),
        String.format("end-to-end throughput        %,.0f events/s  (published until all are in ClickHouse)", throughputPerSecond()),
        "latency publish → priced     p50 " + p50Ms + " ms, p90 " + p90Ms + " ms, p99 " + p99Ms
            + " ms, p99.9 " + p999Ms + " ms, max " + maxMs + " ms",
        "rows in ClickHouse           " + String.format("%,d (distinct event_id %,d)", rowsInClickHouse, distinctInClickHouse));
  }

  public String json() {
    return String.format(java.util.Locale.ROOT,
        "{\"run\":\"%s\",\"events\":%d,\"target_rate\":%d,\"partitions\":%d,\"published_ms\":%d,\"priced_ms\":%d,"
            + "\"in_clickhouse_ms\":%d,\"throughput_per_s\":%.0f,\"latency_ms\":{\"p50\":%d,\"p90\":%d,\"p99\":%d,"
            + "\"p999\":%d,\"max\":%d},\"rows\":%d,\"distinct\":%d}",
        runId, events, targetRate, partitions, publishedMs, pricedMs, inClickHouseMs, throughputPerSecond(),
        p50Ms, p90Ms, p99Ms, p999Ms, maxMs, rowsInClickHouse, distinctInClickHouse);
  }

  private static String seconds(long ms) {
    return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }
}
