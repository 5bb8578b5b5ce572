package dev.tollgate.processor.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts changes to the global price store, so that pricing threads know when the index they
 * built from it is stale. Bumped after the store is written, read before it is scanned: a change
 * racing with a scan always leaves the next reader with a version it has not indexed.
 */
public final class CatalogVersion {
  private final AtomicLong version = new AtomicLong();

  public long current() {
    return version.get();
  }

  void changed() {
    version.incrementAndGet();
  }
}
