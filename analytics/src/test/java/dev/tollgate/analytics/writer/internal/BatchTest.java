package dev.tollgate.analytics.writer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void shouldReportOneOffsetRangePerPartition() {
    // given
    Batch batch = batchOf(new int[] {0, 1, 0, 1, 0}, new long[] {10, 7, 11, 9, 14});

    // when
    List<OffsetRange> ranges = batch.ranges();

    // then
    assertThat(ranges).containsExactly(new OffsetRange(0, 10, 14), new OffsetRange(1, 7, 9));
  }

  @Test
  void shouldDropExactlyTheRowsClickHouseAlreadyHolds() {
    // given
    Batch batch = batchOf(new int[] {0, 0, 0, 1}, new long[] {10, 11, 12, 11});

    // when
    int removed = batch.dropHeld(Map.of(0, Set.of(11L, 99L)));

    // then
    assertThat(removed).isEqualTo(1);
    assertThat(eventIds(batch)).containsExactly("p0-10", "p0-12", "p1-11");
  }

  @Test
  void shouldDropTheRowsOfRevokedPartitions() {
    // given
    Batch batch = batchOf(new int[] {0, 1, 2, 1}, new long[] {1, 1, 1, 2});

    // when
    int removed = batch.dropPartitions(List.of(1));

    // then
    assertThat(removed).isEqualTo(2);
    assertThat(eventIds(batch)).containsExactly("p0-1", "p2-1");
    assertThat(batch.size()).isEqualTo(2);
  }

  @Test
  void shouldStayAsItWasWhenARowIsRefused() {
    // given
    Batch batch = batchOf(new int[] {0}, new long[] {1});
    PricedUsageEvent tooPrecise = PricedEvents.priced(PricedEvents.call("bad", AT).build(), "0.0000000000001");

    // when
    Throwable refused = catchThrowable(() -> batch.add(tooPrecise, new KafkaPosition("t", 0, 2), AT));
    batch.add(PricedEvents.priced(PricedEvents.call("p0-3", AT).build(), "0.1"), new KafkaPosition("t", 0, 3), AT);

    // then
    assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cost_usd: ");
    assertThat(eventIds(batch)).containsExactly("p0-1", "p0-3");
    assertThat(batch.payloadLength()).isEqualTo(batch.payload().length);
  }

  @Test
  void shouldBeEmptyAfterClear() {
    // given
    Batch batch = batchOf(new int[] {0}, new long[] {1});

    // when
    batch.clear();

    // then
    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.payload()).isEmpty();
    assertThat(batch.ranges()).isEmpty();
  }

  private static Batch batchOf(int[] partitions, long[] offsets) {
    Batch batch = new Batch(64);
    for (int i = 0; i < partitions.length; i++) {
      String id = "p" + partitions[i] + "-" + offsets[i];
      batch.add(PricedEvents.priced(PricedEvents.call(id, AT).build(), "0.100000000000"),
          new KafkaPosition("t", partitions[i], offsets[i]), AT);
    }
    return batch;
  }

  private static List<String> eventIds(Batch batch) {
    RowBinaryReader reader = new RowBinaryReader(batch.payload());
    List<String> ids = new ArrayList<>();
    while (!reader.atEnd()) {
      ids.add((String) reader.row().get("event_id"));
    }
    return ids;
  }
}
