package dev.tollgate.ingest.gateway.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Collects Kafka's answers for the events of one request. {@link #done} completes when every event
 * has its answer; {@link #outcome} tells which were acknowledged so far, so that an answer given at
 * the deadline reports as accepted only what Kafka has acknowledged by then.
 */
public final class AckTracker {
  private static final int PENDING = 0;
  private static final int ACKED = 1;
  private static final int FAILED = 2;

  /** @param acked positions (in the order events were given) Kafka acknowledged; the others are in {@code unacked} */
  public record Outcome(List<Integer> acked, List<Integer> unacked, String firstError) {
    public boolean complete() {
      return unacked.isEmpty();
    }
  }

  private final AtomicIntegerArray states;
  private final AtomicInteger pending;
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private volatile String firstError;

  public AckTracker(int events) {
    this.states = new AtomicIntegerArray(events);
    this.pending = new AtomicInteger(events);
    if (events == 0) {
      done.complete(null);
    }
  }

  public void acked(int position) {
    settle(position, ACKED, null);
  }

  public void failed(int position, Exception error) {
    settle(position, FAILED, error);
  }

  private void settle(int position, int state, Exception error) {
    if (!states.compareAndSet(position, PENDING, state)) {
      return;
    }
    if (error != null && firstError == null) {
      firstError = error.getClass().getSimpleName() + ": " + error.getMessage();
    }
    if (pending.decrementAndGet() == 0) {
      done.complete(null);
    }
  }

  public CompletableFuture<Void> done() {
    return done;
  }

  public Outcome outcome() {
    List<Integer> acked = new ArrayList<>();
    List<Integer> unacked = new ArrayList<>();
    for (int i = 0; i < states.length(); i++) {
      (states.get(i) == ACKED ? acked : unacked).add(i);
    }
    return new Outcome(acked, unacked, firstError);
  }
}
