package dev.tollgate.processor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RawEventTimestampExtractorTest {
  private static final long OCCURRED_AT = 1_772_359_200_000L;
  private static final long PARTITION_TIME = 1_772_359_100_000L;
  private static final long WALL_CLOCK = 1_772_409_600_000L;
  private final RawEventTimestampExtractor extractor = new RawEventTimestampExtractor(() -> WALL_CLOCK);

  private static ConsumerRecord<Object, Object> recordAt(long timestamp) {
    return new ConsumerRecord<>("tollgate.usage.raw", 0, 42L, timestamp,
        timestamp < 0 ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME,
        4, 16, "e-1", new byte[16], new RecordHeaders(), Optional.empty());
  }

  @Test
  void shouldUseTheRecordTimestampSetByTheProducer() {
    // given
    ConsumerRecord<Object, Object> record = recordAt(OCCURRED_AT);

    // when
    long extracted = extractor.extract(record, PARTITION_TIME);

    // then
    assertThat(extracted).isEqualTo(OCCURRED_AT);
  }

  @Test
  void shouldUseTheRecordTimestampEvenWhenItIsBehindThePartitionTime() {
    // given: a late event
    ConsumerRecord<Object, Object> record = recordAt(PARTITION_TIME - 86_400_000L);

    // when
    long extracted = extractor.extract(record, PARTITION_TIME);

    // then
    assertThat(extracted).isEqualTo(PARTITION_TIME - 86_400_000L);
  }

  @Test
  void shouldFallBackToThePartitionTimeWhenTheRecordHasNoTimestamp() {
    // given
    ConsumerRecord<Object, Object> record = recordAt(-1L);

    // when
    long extracted = extractor.extract(record, PARTITION_TIME);

    // then
    assertThat(extracted).isEqualTo(PARTITION_TIME);
  }

  @Test
  void shouldFallBackToTheWallClockWhenThePartitionHasNoTimeYet() {
    // given
    ConsumerRecord<Object, Object> record = recordAt(-1L);

    // when
    long extracted = extractor.extract(record, -1L);

    // then
    assertThat(extracted).isEqualTo(WALL_CLOCK);
  }
}
