package dev.tollgate.processor.internal;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.CompactionStyle;
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
 *
 * <p>Compaction is leveled, with level sizes derived from the last level, instead of Kafka Streams'
 * universal. Sightings arrive with random keys, so universal compaction every so often merges the
 * whole segment in one job, and the job grows with the segment: 15 to 30 s of CPU on one core when
 * a segment holds tens of millions of sightings, long enough to starve the stream thread on a
 * small machine. Leveled compaction does the same work in jobs of a few target files (3.5 s at the
 * longest over 40M sightings, against 15.9 s) for about a sixth more compaction in all. A segment
 * written under universal compaction opens under leveled with every key in place, and is rewritten
 * into levels once.
 */
public final class DedupRocksDBConfig implements RocksDBConfigSetter {
  /** Of the write buffer: 16 MiB buys a 320 KiB filter, over ten bits per sighting it holds. */
  static final double MEMTABLE_BLOOM_RATIO = 0.02;

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    options.setOptimizeFiltersForHits(false);
    options.setMemtableWholeKeyFiltering(true);
    options.setMemtablePrefixBloomSizeRatio(MEMTABLE_BLOOM_RATIO);
    options.setCompactionStyle(CompactionStyle.LEVEL);
    options.setLevelCompactionDynamicLevelBytes(true);
  }

  @Override
  public void close(String storeName, Options options) {
    // Nothing was allocated here that RocksDB does not own.
  }
}
