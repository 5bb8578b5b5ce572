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
 */
public final class DedupRocksDBConfig implements RocksDBConfigSetter {
  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    options.setOptimizeFiltersForHits(false);
  }

  @Override
  public void close(String storeName, Options options) {
    // Nothing was allocated here that RocksDB does not own.
  }
}
