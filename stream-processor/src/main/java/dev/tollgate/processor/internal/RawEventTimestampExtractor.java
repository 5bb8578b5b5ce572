package dev.tollgate.processor.internal;

import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a raw usage record. Our producers set the record timestamp to {@code occurred_at};
 * a record without one (negative, e.g. from an old client) takes the partition's time so far, and
 * the wall clock when the partition has none yet. Streams drops records with a negative timestamp,
 * so this never returns one: a raw record must reach validation, whatever it holds.
 */
public final class RawEventTimestampExtractor implements TimestampExtractor {
  private final LongSupplier wallClock;

  public RawEventTimestampExtractor() {
    this(System::currentTimeMillis);
  }

  public RawEventTimestampExtractor(LongSupplier wallClock) {
    this.wallClock = wallClock;
  }

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.timestamp() >= 0) {
      return record.timestamp();
    }
    return partitionTime >= 0 ? partitionTime : wallClock.getAsLong();
  }
}
