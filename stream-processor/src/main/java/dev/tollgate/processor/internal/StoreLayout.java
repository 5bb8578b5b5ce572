package dev.tollgate.processor.internal;

import java.time.Instant;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps deduplication exact across the upgrade to bucketed sightings. Earlier versions filed each
 * sighting under its own instant, where point reads cannot find it; a store that holds such
 * sightings is also searched by range until one horizon after the upgrade. A marker entry in the
 * store, renewed in every bucket, records until when, so that a restart neither forgets the old
 * sightings nor searches by range forever.
 */
final class StoreLayout {
  /** Longer than any event id may be (128 characters), so it never stands for a real sighting. */
  static final String MARKER = "tollgate:dedup-store:sightings-in-buckets:" + "~".repeat(100);
  private static final Logger LOG = LoggerFactory.getLogger(StoreLayout.class);

  private final WindowStore<String, Long> store;
  private final SightingBuckets buckets;
  private final long searchByRangeUntil;
  private long markedBucket = Long.MIN_VALUE;

  private StoreLayout(WindowStore<String, Long> store, SightingBuckets buckets, long searchByRangeUntil) {
    this.store = store;
    this.buckets = buckets;
    this.searchByRangeUntil = searchByRangeUntil;
  }

  static StoreLayout open(WindowStore<String, Long> store, SightingBuckets buckets, long nowMs) {
    Long marked = latestMarker(store, nowMs);
    long until = marked != null ? marked : holdsSightings(store) ? nowMs + buckets.horizonMs() : 0;
    if (until > nowMs) {
      LOG.info("the dedup store holds sightings of an earlier version; they are searched by range until {}",
          Instant.ofEpochMilli(until));
    }
    return new StoreLayout(store, buckets, until);
  }

  /** Files the marker in the current bucket once per bucket; called while a record is processed. */
  void keepMarked(long nowMs) {
    long bucket = buckets.startOf(nowMs);
    if (bucket != markedBucket) {
      store.put(MARKER, searchByRangeUntil, bucket);
      markedBucket = bucket;
    }
  }

  /** Whether a sighting filed under its own instant, as before buckets, lies within the horizon. */
  boolean seenBeforeBuckets(String eventId, long nowMs) {
    if (nowMs >= searchByRangeUntil) {
      return false;
    }
    try (WindowStoreIterator<Long> sightings = store.fetch(eventId, buckets.oldestWithinHorizon(nowMs), nowMs)) {
      return sightings.hasNext();
    }
  }

  private static Long latestMarker(WindowStore<String, Long> store, long nowMs) {
    try (WindowStoreIterator<Long> markers = store.backwardFetch(MARKER, 0, nowMs)) {
      return markers.hasNext() ? markers.next().value : null;
    }
  }

  private static boolean holdsSightings(WindowStore<String, Long> store) {
    try (KeyValueIterator<Windowed<String>, Long> all = store.all()) {
      return all.hasNext();
    }
  }
}
