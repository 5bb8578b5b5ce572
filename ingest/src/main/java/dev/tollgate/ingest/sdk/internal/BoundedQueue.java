package dev.tollgate.ingest.sdk.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded queue whose {@link #offer} never blocks, never takes a lock and never wakes another
 * thread: the consumer polls, so a producer pays a few atomic operations and nothing more. The bound
 * is kept by a counter reserved before the item is added, so the queue never holds more than its
 * capacity.
 */
public final class BoundedQueue<T> {
  private final ConcurrentLinkedQueue<T> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;

  public BoundedQueue(int capacity) {
    this.capacity = capacity;
  }

  /** False when full. */
  public boolean offer(T item) {
    if (size.incrementAndGet() > capacity) {
      size.decrementAndGet();
      return false;
    }
    items.offer(item);
    return true;
  }

  /** The oldest item, or null when none is there. */
  public T poll() {
    T item = items.poll();
    if (item != null) {
      size.decrementAndGet();
    }
    return item;
  }

  public int size() {
    return Math.max(0, Math.min(capacity, size.get()));
  }

  public int capacity() {
    return capacity;
  }
}
