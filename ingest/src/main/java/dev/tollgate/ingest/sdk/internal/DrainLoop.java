package dev.tollgate.ingest.sdk.internal;

import dev.tollgate.ingest.sdk.RecordingError;
import dev.tollgate.ingest.sdk.UsageSink;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recorder's thread: takes each pending call from the buffer, reads and checks it, and hands the
 * event to the sink. When the buffer is empty it sleeps briefly instead of waiting to be woken, so
 * that a caller never pays for waking it.
 */
public final class DrainLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(DrainLoop.class);
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long DROP_REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final BoundedQueue<Pending> queue;
  private final EventAssembler assembler;
  private final UsageSink sink;
  private final Counters counters;
  private final ErrorReporter errors;
  private final Clock clock;
  private volatile boolean finishing;
  private volatile boolean abandoned;

  public DrainLoop(BoundedQueue<Pending> queue, EventAssembler assembler, UsageSink sink, Counters counters,
      ErrorReporter errors, Clock clock) {
    this.queue = queue;
    this.assembler = assembler;
    this.sink = sink;
    this.counters = counters;
    this.errors = errors;
    this.clock = clock;
  }

  @Override
  public void run() {
    try {
      drain();
    } finally {
      if (!finishing && !abandoned) {
        LOG.error("The usage recorder's thread stopped unexpectedly; usage is no longer sent");
      }
    }
  }

  private void drain() {
    long lastDropReport = System.nanoTime();
    while (!abandoned) {
      Pending p = queue.poll();
      if (p != null) {
        handle(p);
      } else if (finishing) {
        return;
      } else {
        LockSupport.parkNanos(IDLE_PARK_NANOS);
      }
      if (System.nanoTime() - lastDropReport > DROP_REPORT_INTERVAL_NANOS) {
        errors.reportDrops();
        lastDropReport = System.nanoTime();
      }
    }
  }

  /** Ends the loop once the buffer is empty. */
  public void finish() {
    finishing = true;
  }

  /** Stops sending: what is still buffered fails instead. */
  public void abandon() {
    abandoned = true;
  }

  /** Handles what the buffer still holds, on the calling thread. */
  public void drainNow() {
    for (Pending p = queue.poll(); p != null; p = queue.poll()) {
      handle(p);
    }
  }

  void handle(Pending p) {
    EventAssembler.Result r;
    try {
      r = assembler.assemble(p, clock.instant());
    } catch (RuntimeException e) {
      complete("#" + p.sequence(), e);
      return;
    }
    if (r.violation() != null) {
      counters.invalid.increment();
      errors.report(RecordingError.invalid(r.eventId(), r.violation().field(), r.violation().reason()));
    } else if (abandoned) {
      complete(r.eventId(), new IllegalStateException("the recorder closed before the event could be sent"));
    } else {
      try {
        sink.send(r.event(), error -> complete(r.eventId(), error));
      } catch (RuntimeException e) {
        complete(r.eventId(), e);
      }
    }
  }

  private void complete(String eventId, Exception error) {
    if (error == null) {
      counters.sent.increment();
    } else {
      counters.failed.increment();
      errors.report(RecordingError.sendFailed(eventId, error));
    }
  }
}
