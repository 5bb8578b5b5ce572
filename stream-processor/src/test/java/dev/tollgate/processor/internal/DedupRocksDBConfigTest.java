package dev.tollgate.processor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.CompactionStyle;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

class DedupRocksDBConfigTest {
  private static final int SIGHTINGS = 20_000;
  private static final int PER_FILE = 4_000;

  @Test
  void shouldCompactTheDedupStoreByLevels() {
    // given: the style Kafka Streams sets before it calls the setter
    try (Options options = new Options().setCompactionStyle(CompactionStyle.UNIVERSAL)) {
      // when
      new DedupRocksDBConfig().setConfig("dedup-store.1764460800000", options, Map.of());

      // then
      assertThat(options.compactionStyle()).isEqualTo(CompactionStyle.LEVEL);
      assertThat(options.levelCompactionDynamicLevelBytes()).isTrue();
    }
  }

  @Test
  void shouldFindEverySightingOfASegmentWrittenUnderUniversalCompaction(@TempDir Path dir) throws RocksDBException {
    // given: a segment written by an earlier version, in several files
    try (Options universal = new Options().setCreateIfMissing(true).setCompactionStyle(CompactionStyle.UNIVERSAL);
        RocksDB db = RocksDB.open(universal, dir.toString());
        FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      for (int i = 0; i < SIGHTINGS; i++) {
        db.put(key(i), key(i));
        if (i % PER_FILE == PER_FILE - 1) {
          db.flush(flush);
        }
      }
    }

    // when
    try (Options leveled = new Options()) {
      new DedupRocksDBConfig().setConfig("dedup-store.1764460800000", leveled, Map.of());
      try (RocksDB db = RocksDB.open(leveled, dir.toString())) {
        db.compactRange();

        // then
        for (int i = 0; i < SIGHTINGS; i++) {
          assertThat(db.get(key(i))).as("sighting %d", i).isEqualTo(key(i));
        }
        assertThat(db.get(key(SIGHTINGS))).isNull();
      }
    }
  }

  private static byte[] key(int i) {
    return ("evt-" + Integer.toHexString(i * 0x9E3779B1)).getBytes(StandardCharsets.UTF_8);
  }
}
