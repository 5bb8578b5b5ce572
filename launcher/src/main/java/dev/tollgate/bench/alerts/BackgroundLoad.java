package dev.tollgate.bench.alerts;

import dev.tollgate.ingest.UsageProducer;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.workload.SyntheticWorkload;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes synthetic usage at a steady rate until stopped, as a busy deployment would: the traffic
 * the alert probes have to get through. Its tenants carry a run prefix, so a run's events are its own.
 */
final class BackgroundLoad implements AutoCloseable {
  private static final int TEMPLATES = 4096;
  private static final long BURST_NANOS = 2_000_000;
  private final String bootstrap;
  private final String runId;
  private final int rate;
  private final UsageEvent[] templates;
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private final Thread thread;

  /** Starts publishing at once. */
  BackgroundLoad(String bootstrap, String runId, int rate) {
    if (rate <= 0) {
      throw new IllegalArgumentException("background rate must be > 0 events/s, got " + rate);
    }
    this.bootstrap = bootstrap;
    this.runId = runId;
    this.rate = rate;
    this.templates = templates(runId);
    this.thread = new Thread(this::publish, "alert-bench-background");
    thread.start();
  }

  private static UsageEvent[] templates(String runId) {
    SyntheticWorkload workload = new SyntheticWorkload(42, runId, runId + "-bg-", Instant.now(), Duration.ZERO);
    UsageEvent[] templates = new UsageEvent[TEMPLATES];
    for (int i = 0; i < templates.length; i++) {
      templates[i] = workload.next();
    }
    return templates;
  }

  /** The tenants the load spends for. */
  List<String> tenants() {
    return Arrays.stream(templates).map(UsageEvent::getTenantId).distinct().sorted().toList();
  }

  private void publish() {
    long start = System.nanoTime();
    try (UsageProducer producer = new UsageProducer(bootstrap)) {
      for (long i = 0; running.get(); i++) {
        // Sleeping only when ahead by a couple of milliseconds sends in small bursts: waking the
        // thread for every event would cost more CPU than sending it, CPU the pipeline needs.
        long due = start + i * 1_000_000_000L / rate;
        if (due - System.nanoTime() > BURST_NANOS) {
          LockSupport.parkNanos(due - System.nanoTime());
        }
        // Reusing a varied set of calls keeps the generator far cheaper than the pipeline it loads;
        // send() encodes before returning, so changing the template afterwards is safe.
        UsageEvent event = templates[(int) (i % templates.length)];
        event.setEventId(runId + "-bg-" + i);
        event.setOccurredAt(Instant.now());
        producer.send(event, (metadata, error) -> {
          if (error == null) {
            acknowledged.incrementAndGet();
          } else {
            failure.compareAndSet(null, error);
          }
        });
      }
      producer.flush();
    } catch (RuntimeException e) {
      failure.compareAndSet(null, e);
    }
  }

  /** Events the broker has acknowledged so far. */
  long acknowledged() {
    return acknowledged.get();
  }

  /** Rethrows what stopped the publisher, if anything did. */
  void check() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("the background publisher failed", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(60_000);
  }
}
