package dev.tollgate.bench.alerts;

import dev.tollgate.ingest.UsageProducer;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the probe events through the same producer the SDK uses, on a connection of their own, and
 * notes when each was sent and when the broker acknowledged it.
 */
final class ProbeSender implements AutoCloseable {
  private final Probes probes;
  private final UsageProducer producer;
  private final AtomicLongArray sentMs;
  private final AtomicLongArray ackedMs;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  ProbeSender(String bootstrap, Probes probes) {
    this.probes = probes;
    this.producer = new UsageProducer(bootstrap);
    this.sentMs = new AtomicLongArray(probes.count());
    this.ackedMs = new AtomicLongArray(probes.count());
  }

  void send(int i) {
    long now = System.currentTimeMillis();
    sentMs.set(i, now);
    producer.send(probes.event(i, Instant.ofEpochMilli(now)), (metadata, error) -> {
      if (error == null) {
        ackedMs.set(i, System.currentTimeMillis());
      } else {
        failure.compareAndSet(null, error);
      }
    });
    sent.incrementAndGet();
  }

  int sent() {
    return sent.get();
  }

  long sentMs(int i) {
    return sentMs.get(i);
  }

  /** 0 while not acknowledged. */
  long ackedMs(int i) {
    return ackedMs.get(i);
  }

  void check() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("a probe could not be sent", e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
