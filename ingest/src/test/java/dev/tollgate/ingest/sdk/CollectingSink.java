package dev.tollgate.ingest.sdk;

import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.function.Function;

/** Keeps what it is sent; can fail chosen events and hold the recorder's thread until released. */
final class CollectingSink implements UsageSink {
  private final List<UsageEvent> events = new ArrayList<>();
  private final Function<UsageEvent, Exception> outcome;
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release;
  private boolean closed;

  private CollectingSink(Function<UsageEvent, Exception> outcome, CountDownLatch release) {
    this.outcome = outcome;
    this.release = release;
  }

  static CollectingSink acknowledgingAll() {
    return new CollectingSink(e -> null, new CountDownLatch(0));
  }

  static CollectingSink failing(Function<UsageEvent, Exception> outcome) {
    return new CollectingSink(outcome, new CountDownLatch(0));
  }

  /** Holds the first send until {@link #release()}. */
  static CollectingSink holding() {
    return new CollectingSink(e -> null, new CountDownLatch(1));
  }

  @Override
  public void send(UsageEvent event, Consumer<Exception> onCompletion) {
    entered.countDown();
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      events.add(event);
    }
    onCompletion.accept(outcome.apply(event));
  }

  @Override
  public synchronized void close(Duration timeout) {
    closed = true;
  }

  void awaitFirstSend() throws InterruptedException {
    entered.await();
  }

  void release() {
    release.countDown();
  }

  synchronized List<UsageEvent> events() {
    return List.copyOf(events);
  }

  synchronized boolean closed() {
    return closed;
  }
}
