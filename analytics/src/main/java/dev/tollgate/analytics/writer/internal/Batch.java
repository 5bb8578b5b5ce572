package dev.tollgate.analytics.writer.internal;

import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Rows read from Kafka and not yet acknowledged by ClickHouse, encoded once as one RowBinary body. */
public final class Batch {
  private final PricedRowTranscoder transcoder = new PricedRowTranscoder();
  private RowBinary payload;
  private List<Row> rows = new ArrayList<>();

  private record Row(int partition, long offset, int start, int end) {}

  public Batch(int initialBytes) {
    this.payload = new RowBinary(initialBytes);
  }

  /**
   * Encodes and keeps the row; a row the table cannot hold is refused with an
   * {@link IllegalArgumentException} naming the field, and the batch stays as it was.
   */
  public void add(PricedUsageEvent event, KafkaPosition position, Instant insertedAt) {
    int start = payload.length();
    try {
      UsageRowEncoder.write(payload, event, position, insertedAt);
    } catch (RuntimeException e) {
      payload.truncate(start);
      throw e;
    }
    rows.add(new Row(position.partition(), position.offset(), start, payload.length()));
  }

  /**
   * Copies the row straight from a priced event's Avro bytes when {@link PricedRowTranscoder} can;
   * returns false, with the batch as it was, when the event must be decoded and {@link #add}ed.
   */
  public boolean addEncoded(byte[] value, KafkaPosition position, Instant insertedAt) {
    int start = payload.length();
    boolean copied;
    try {
      copied = transcoder.write(value, payload, position, insertedAt);
    } catch (RuntimeException e) {
      copied = false;
    }
    if (!copied) {
      payload.truncate(start);
      return false;
    }
    rows.add(new Row(position.partition(), position.offset(), start, payload.length()));
    return true;
  }

  public int size() {
    return rows.size();
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public byte[] payload() {
    return payload.toByteArray();
  }

  /** The rows' bytes without a copy: valid up to {@link #payloadLength()} until the batch changes. */
  public byte[] payloadBuffer() {
    return payload.array();
  }

  public int payloadLength() {
    return payload.length();
  }

  public void clear() {
    rows = new ArrayList<>();
    payload.reset();
  }

  /** The span of offsets the batch holds, one range per partition. */
  public List<OffsetRange> ranges() {
    Map<Integer, long[]> spans = new TreeMap<>();
    for (Row row : rows) {
      long[] span = spans.computeIfAbsent(row.partition(), p -> new long[] {row.offset(), row.offset()});
      span[0] = Math.min(span[0], row.offset());
      span[1] = Math.max(span[1], row.offset());
    }
    List<OffsetRange> ranges = new ArrayList<>();
    spans.forEach((partition, span) -> ranges.add(new OffsetRange(partition, span[0], span[1])));
    return ranges;
  }

  /** Removes the rows of the given partitions; returns how many were removed. */
  public int dropPartitions(Collection<Integer> partitions) {
    Set<Integer> dropped = Set.copyOf(partitions);
    return retain(row -> !dropped.contains(row.partition()));
  }

  /** Removes the rows whose offsets ClickHouse already holds; returns how many were removed. */
  public int dropHeld(Map<Integer, ? extends Set<Long>> held) {
    return retain(row -> {
      Set<Long> offsets = held.get(row.partition());
      return offsets == null || !offsets.contains(row.offset());
    });
  }

  private int retain(Predicate<Row> keep) {
    RowBinary kept = new RowBinary(payload.length());
    List<Row> keptRows = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (keep.test(row)) {
        int start = kept.length();
        kept.appendRange(payload, row.start(), row.end());
        keptRows.add(new Row(row.partition(), row.offset(), start, kept.length()));
      }
    }
    int removed = rows.size() - keptRows.size();
    payload = kept;
    rows = keptRows;
    return removed;
  }
}
