package dev.tollgate.analytics.writer.internal;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Where to start reading a partition, and which offsets from there on ClickHouse already holds and
 * must not receive again.
 */
public record ResumePoint(long startOffset, NavigableSet<Long> skip) {
  public ResumePoint {
    skip = Collections.unmodifiableNavigableSet(new TreeSet<>(skip));
  }
}
