package dev.tollgate.bench;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.ingest.UsageProducer;
import dev.tollgate.schemas.serde.UsageEventCodec;
import dev.tollgate.workload.SyntheticWorkload;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;

/**
 * Pushes N events through the running pipeline — publish, processor, writer, ClickHouse — and
 * measures end-to-end throughput (first publish until the last row is in ClickHouse) and the
 * latency from publish to the priced record being readable downstream.
 */
public final class PipelineBenchmark {
  private static final Duration STALL_LIMIT = Duration.ofMinutes(3);
  private static final long POLL_MS = 1000;
  // Once every event is priced only the writer's last inserts are outstanding: polling ClickHouse
  // each second then would add half a second on average to a run of about forty.
  private static final long FINAL_POLL_MS = 100;
  private static final int TEMPLATES = 4096;
  private final String bootstrap;
  private final ClickHouseHttp clickHouse;
  private final String database;
  private final int partitions;
  private final PrintStream out;

  public PipelineBenchmark(String bootstrap, ClickHouseHttp clickHouse, String database, int partitions, PrintStream out) {
    this.bootstrap = bootstrap;
    this.clickHouse = clickHouse;
    this.database = database;
    this.partitions = partitions;
    this.out = out;
  }

  /** @param rate events per second to publish, 0 for as fast as the producer goes */
  public BenchResult run(int events, int rate) throws Exception {
    String runId = "b" + Instant.now().toEpochMilli();
    String tenantPrefix = runId + "-";
    // The run's event ids start with the same prefix as its tenants.
    LatencyProbe probe = new LatencyProbe(bootstrap, tenantPrefix, events);
    Thread probeThread = new Thread(probe, "latency-probe");
    probeThread.start();
    AtomicLong published = new AtomicLong();
    AtomicLong acknowledged = new AtomicLong();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    Thread publisher = new Thread(() -> publish(runId, tenantPrefix, events, rate, start, published, acknowledged, failure),
        "bench-publisher");
    publisher.start();

    long publishedMs = -1;
    long pricedMs = -1;
    long inClickHouseMs;
    long lastCount = -1;
    long lastChange = System.nanoTime();
    while (true) {
      Thread.sleep(pricedMs < 0 ? POLL_MS : FINAL_POLL_MS);
      long elapsed = elapsedMs(start);
      if (failure.get() != null) {
        throw new IllegalStateException("publishing failed", failure.get());
      }
      if (publishedMs < 0 && acknowledged.get() == events) {
        publishedMs = elapsed;
      }
      if (pricedMs < 0 && probe.seen() == events) {
        pricedMs = elapsed;
      }
      long rows = count(tenantPrefix, false);
      if (pricedMs < 0 || rows != lastCount) {
        out.printf("… %5.1f s  published %,d  priced %,d  in ClickHouse %,d%n", elapsed / 1000.0, acknowledged.get(), probe.seen(), rows);
      }
      if (rows != lastCount) {
        lastCount = rows;
        lastChange = System.nanoTime();
      } else if (Duration.ofNanos(System.nanoTime() - lastChange).compareTo(STALL_LIMIT) > 0) {
        throw new IllegalStateException("no progress for " + STALL_LIMIT.toMinutes() + " minutes; see ./tollgate status");
      }
      if (rows >= events) {
        inClickHouseMs = elapsed;
        break;
      }
    }
    publisher.join();
    probeThread.join(30_000);
    probe.stop();
    int[] p = probe.percentiles(50, 90, 99, 99.9, 100);
    return new BenchResult(runId, events, rate, partitions, publishedMs < 0 ? inClickHouseMs : publishedMs,
        pricedMs < 0 ? inClickHouseMs : pricedMs, inClickHouseMs, p[0], p[1], p[2], p[3], p[4],
        count(tenantPrefix, false), count(tenantPrefix, true));
  }

  private void publish(String runId, String tenantPrefix, int events, int rate, long start,
                       AtomicLong published, AtomicLong acknowledged, AtomicReference<Exception> failure) {
    EncodedTemplate[] templates = templates(runId, tenantPrefix);
    Callback acknowledge = (metadata, error) -> {
      if (error == null) {
        acknowledged.incrementAndGet();
      } else {
        failure.compareAndSet(null, error);
      }
    };
    try (UsageProducer producer = new UsageProducer(bootstrap)) {
      for (int i = 0; i < events; i++) {
        if (rate > 0) {
          long due = start + (long) i * 1_000_000_000L / rate;
          while (System.nanoTime() < due) {
            LockSupport.parkNanos(due - System.nanoTime());
          }
        }
        // Each event is one of a varied set of calls with its own id and instant; see EncodedTemplate.
        String eventId = runId + "-" + i;
        long occurredAt = System.currentTimeMillis();
        producer.sendEncoded(eventId, occurredAt, templates[i % templates.length].value(eventId, occurredAt), acknowledge);
        published.incrementAndGet();
      }
      producer.flush();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  private static EncodedTemplate[] templates(String runId, String tenantPrefix) {
    SyntheticWorkload workload = new SyntheticWorkload(42, runId, tenantPrefix, Instant.now(), Duration.ZERO);
    UsageEventCodec codec = new UsageEventCodec();
    EncodedTemplate[] templates = new EncodedTemplate[TEMPLATES];
    for (int i = 0; i < templates.length; i++) {
      templates[i] = new EncodedTemplate(workload.next(), codec);
    }
    return templates;
  }

  private long count(String tenantPrefix, boolean distinct) {
    String what = distinct ? "uniqExact(event_id)" : "count()";
    return Long.parseLong(clickHouse.query("SELECT " + what + " AS n FROM " + database
        + ".usage_events WHERE tenant_id LIKE '" + tenantPrefix + "%'").get(0, "n"));
  }

  private static long elapsedMs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
