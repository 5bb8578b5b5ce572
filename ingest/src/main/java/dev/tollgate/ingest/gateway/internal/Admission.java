package dev.tollgate.ingest.gateway.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the event requests in flight, by count and by body bytes, so that a gateway whose Kafka is
 * slow answers 429 instead of holding more and more memory: what it holds is what it has promised to
 * send or to refuse.
 */
public final class Admission {
  private final int maxRequests;
  private final long maxBytes;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  public Admission(int maxRequests, long maxBytes) {
    this.maxRequests = maxRequests;
    this.maxBytes = maxBytes;
  }

  /** @return false, holding nothing, when the request would go over a limit */
  public boolean tryEnter(long requestBytes) {
    if (requests.incrementAndGet() > maxRequests) {
      requests.decrementAndGet();
      return false;
    }
    if (bytes.addAndGet(requestBytes) > maxBytes) {
      bytes.addAndGet(-requestBytes);
      requests.decrementAndGet();
      return false;
    }
    return true;
  }

  public void leave(long requestBytes) {
    bytes.addAndGet(-requestBytes);
    requests.decrementAndGet();
  }

  public int requests() {
    return requests.get();
  }

  public long bytes() {
    return bytes.get();
  }
}
