package dev.tollgate.ingest.sdk.internal;

import dev.tollgate.ingest.sdk.RecorderMetrics;
import java.util.concurrent.atomic.LongAdder;

/** A recorder's counters; adders, so that callers on many threads do not contend on one cache line. */
public final class Counters {
  final LongAdder recorded = new LongAdder();
  final LongAdder sent = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder invalid = new LongAdder();
  final LongAdder droppedFull = new LongAdder();
  final LongAdder droppedClosed = new LongAdder();

  public void recorded() {
    recorded.increment();
  }

  public void droppedFull() {
    droppedFull.increment();
  }

  public void droppedClosed() {
    droppedClosed.increment();
  }

  public RecorderMetrics snapshot(int queueDepth) {
    return new RecorderMetrics(recorded.sum(), sent.sum(), failed.sum(), invalid.sum(),
        droppedFull.sum() + droppedClosed.sum(), queueDepth);
  }
}
