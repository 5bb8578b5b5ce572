package dev.tollgate.ingest.sdk.internal;

import dev.tollgate.ingest.sdk.RecordingError;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands errors to the application's callback; a callback that throws is logged and does not stop the
 * recorder. Drops are told as one error per kind with the number dropped since the last report, so a
 * full buffer does not flood the callback.
 */
public final class ErrorReporter {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);
  private final Consumer<RecordingError> callback;
  private final Counters counters;
  private final int capacity;
  private long reportedFull;
  private long reportedClosed;

  public ErrorReporter(Consumer<RecordingError> callback, Counters counters, int capacity) {
    this.callback = callback;
    this.counters = counters;
    this.capacity = capacity;
  }

  public void report(RecordingError error) {
    try {
      callback.accept(error);
    } catch (RuntimeException e) {
      LOG.warn("The usage error callback threw on \"{}\"", error, e);
    }
  }

  /** Tells the drops since the last call, if any; called from one thread at a time. */
  public synchronized void reportDrops() {
    long full = counters.droppedFull.sum();
    if (full > reportedFull) {
      report(RecordingError.dropped(full - reportedFull, "the buffer of " + capacity + " events was full"));
      reportedFull = full;
    }
    long closed = counters.droppedClosed.sum();
    if (closed > reportedClosed) {
      report(RecordingError.dropped(closed - reportedClosed, "recorded after the recorder was closed"));
      reportedClosed = closed;
    }
  }
}
