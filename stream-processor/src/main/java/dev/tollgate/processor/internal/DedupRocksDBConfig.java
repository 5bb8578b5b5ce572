package dev.tollgate.processor.internal;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * RocksDB settings for the pricing application, whose one persistent store is the dedup store.
 * Kafka Streams turns on {@code optimize_filters_for_hits}, which leaves the bottom level, where
 * most sightings live, without Bloom filters: right for stores read mostly for keys they hold, wrong
 * here, where nearly every lookup asks for an id never seen and would otherwise seek the index and
 * a data block of every such file.
 *
 * <p>For the same reason the memtables get a whole-key Bloom filter: without one, a lookup of an
 * unseen id walks the skip list of each memtable (16 MiB, a quarter of a million sightings, a cache
 * miss per level) only to find nothing.
 */
public final class DedupRocksDBConfig implements RocksDBConfigSetter {
  /** Of the write buffer: 16 MiB buys a 320 KiB filter, over ten bits per sighting it holds. */
  static final double MEMTABLE_BLOOM_RATIO = 0.02;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    options.setOptimizeFiltersForHits(false);
    options.setMemtableWholeKeyFiltering(true);
    options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
  }

  @Override
  public void close(String storeName, Options options) {
    // Nothing was allocated here that RocksDB does not own.
  }
}
