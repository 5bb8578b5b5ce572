package dev.tollgate.analytics.writer;

import static dev.tollgate.analytics.writer.RollupTotals.Bucket.DAY;
import static dev.tollgate.analytics.writer.RollupTotals.Bucket.HOUR;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.writer.internal.PricedEvents;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hourly and daily rollups, filled by materialized views on every insert, against the raw table read
 * with FINAL and against sums computed in Java from what was published. The writer runs as its own
 * ClickHouse user, which may insert but not change the schema.
 */
class RollupsIT {
  private static final Instant MORNING = Instant.parse("2026-03-10T08:00:00Z");
  private static final List<String> TABLES = List.of("usage_events", "usage_hourly", "usage_daily");

  @Test
  void shouldKeepBothRollupsEqualToTheRawTableAndThePublishedEventsThroughRedeliveriesAndLateEvents() throws Exception {
    try (WriterFixture fixture = new WriterFixture(3)) {
      // given four hours of calls and credits, then events that occurred hours, days and a month before them
      List<PricedUsageEvent> onTime = Workload.mixed("on-time", 3_000, 11, MORNING, Duration.ofHours(4));
      List<PricedUsageEvent> late = late(onTime.get(1));
      List<PricedUsageEvent> all = concat(onTime, late);
      fixture.publishAsPriced(onTime);

      // when a writer dies between its second insert and that insert's commit, and a successor takes over
      AtomicInteger inserts = new AtomicInteger();
      AtomicReference<Throwable> death = new AtomicReference<>();
      ClickHouseWriter dying = fixture.startWriter(new ClickHouseWriter(fixture.config(400), () -> {
        if (inserts.incrementAndGet() == 2) {
          throw new IllegalStateException("killed between insert and commit");
        }
      }), death);
      fixture.awaitWriterEnd(dying);
      ClickHouseWriter successor = fixture.startWriter(400);
      fixture.awaitEvents(onTime.size());

      // and the late events arrive last
      fixture.publishAsPriced(late);
      fixture.awaitEvents(all.size());
      stop(fixture, successor);

      // and every record is offered again: to the group rewound to the start, and to a group that never committed
      fixture.offsets().rewind(fixture.group);
      ClickHouseWriter rewound = fixture.startWriter(400);
      fixture.awaitCaughtUp(fixture.group);
      String freshGroup = fixture.group + "-fresh";
      ClickHouseWriter fresh = fixture.startWriter(new ClickHouseWriter(fixture.config(400).withGroup(freshGroup)),
          new AtomicReference<>());
      fixture.awaitCaughtUp(freshGroup);
      stop(fixture, rewound);
      stop(fixture, fresh);

      // then nothing was written twice, and both rollups hold exactly the published events
      assertThat(death.get()).hasMessage("killed between insert and commit");
      assertThat(rewound.rowsWritten()).isZero();
      assertThat(fresh.rowsWritten()).isZero();
      assertThat(fixture.rawRows()).isEqualTo(all.size());
      assertRollupsHoldExactly(fixture, all);

      // and so they do once background merges have summed and collapsed every part
      mergeAllParts(fixture);
      assertThat(rows(fixture, "usage_hourly")).isEqualTo(RollupTotals.expected(all, HOUR).size());
      assertThat(rows(fixture, "usage_daily")).isEqualTo(RollupTotals.expected(all, DAY).size());
      assertRollupsHoldExactly(fixture, all);
    }
  }

  @Test
  void shouldCountAnEventIdThatReachesThePricedTopicTwiceOnceWithFinalButTwiceInTheRollups() throws Exception {
    try (WriterFixture fixture = new WriterFixture(1)) {
      // given an event priced twice, as two Kafka records: what a processor does with an id it sees again
      // after its dedup horizon, and what it prevents within it
      List<PricedUsageEvent> events = Workload.mixed("twice", 200, 12, MORNING, Duration.ofHours(2));
      PricedUsageEvent again = PricedUsageEvent.newBuilder(events.get(5)).build();
      List<PricedUsageEvent> asPublished = concat(events, List.of(again));
      fixture.publishAsPriced(events);
      fixture.publishAsPriced(List.of(again));

      // when
      fixture.startWriter(100);
      fixture.awaitEvents(asPublished.size());

      // then the writer writes each record once, whatever its event_id: FINAL counts the id once, the rollups twice
      RollupTotals totals = new RollupTotals(fixture.clickHouse, fixture.database);
      assertThat(fixture.rawRows()).isEqualTo(asPublished.size());
      assertThat(totals.fromEventsFinal(HOUR)).isEqualTo(RollupTotals.expected(events, HOUR));
      assertThat(totals.fromRollup(HOUR)).isEqualTo(RollupTotals.expected(asPublished, HOUR));
      assertThat(totals.fromRollup(DAY)).isEqualTo(RollupTotals.expected(asPublished, DAY));

      // and merging collapses the copy in the raw table but leaves it counted in the rollups
      mergeAllParts(fixture);
      assertThat(fixture.rawRows()).isEqualTo(events.size());
      assertThat(totals.fromRollup(DAY)).isEqualTo(RollupTotals.expected(asPublished, DAY));
    }
  }

  /**
   * Events that occurred before the on-time ones and arrive after them: one in an hour that already has
   * rows for its key, hours and days earlier, on a day boundary, on the first second of the month, and
   * in the previous month, credits among them.
   */
  private static List<PricedUsageEvent> late(PricedUsageEvent onTimeCall) {
    Instant sameHour = onTimeCall.getEvent().getOccurredAt().truncatedTo(ChronoUnit.HOURS);
    return List.of(
        copy(onTimeCall, "late-same-key", sameHour, "0.731000000000"),
        call("late-hours", "2026-03-10T03:15:27Z", "1.250000000001"),
        Workload.credit("late-hours-credit", Instant.parse("2026-03-10T03:59:59Z"), "acme", "team-0", "-2.500000000000"),
        call("late-days", "2026-03-07T22:05:00Z", "0.000000000001"),
        call("late-midnight", "2026-03-08T00:00:00Z", "3.000000000000"),
        call("late-month-start", "2026-03-01T00:00:00Z", "0.400000000000"),
        call("late-previous-month", "2026-02-28T23:59:59Z", "12.345678901234"),
        Workload.credit("late-previous-month-credit", Instant.parse("2026-02-14T12:00:00Z"), "globex", null,
            "-7.000000000000"));
  }

  private static PricedUsageEvent call(String id, String occurredAt, String cost) {
    return PricedEvents.priced(PricedEvents.call(id, Instant.parse(occurredAt)).build(), cost);
  }

  private static PricedUsageEvent copy(PricedUsageEvent of, String id, Instant occurredAt, String cost) {
    UsageEvent event = UsageEvent.newBuilder(of.getEvent()).setEventId(id).setOccurredAt(occurredAt).build();
    return PricedEvents.priced(event, cost);
  }

  private static void assertRollupsHoldExactly(WriterFixture fixture, List<PricedUsageEvent> events) {
    RollupTotals totals = new RollupTotals(fixture.clickHouse, fixture.database);
    assertThat(totals.fromRollup(HOUR)).isEqualTo(totals.fromEventsFinal(HOUR)).isEqualTo(RollupTotals.expected(events, HOUR));
    assertThat(totals.fromRollup(DAY)).isEqualTo(totals.fromEventsFinal(DAY)).isEqualTo(RollupTotals.expected(events, DAY));
    String expectedTotal = RollupTotals.expectedTotal(events);
    assertThat(totals.totalOfEventsFinal()).isEqualTo(expectedTotal);
    assertThat(totals.totalOfRollup(HOUR)).isEqualTo(expectedTotal);
    assertThat(totals.totalOfRollup(DAY)).isEqualTo(expectedTotal);
  }

  /** What background merges do some time: one part per partition, rows of one key summed or collapsed. */
  private static void mergeAllParts(WriterFixture fixture) {
    for (String table : TABLES) {
      Rows partitions = fixture.clickHouse.query("SELECT DISTINCT partition FROM system.parts WHERE active AND database = '"
          + fixture.database + "' AND table = '" + table + "'");
      for (int i = 0; i < partitions.size(); i++) {
        fixture.clickHouse.execute("OPTIMIZE TABLE " + fixture.database + "." + table + " PARTITION "
            + partitions.get(i, "partition") + " FINAL");
      }
    }
  }

  private static long rows(WriterFixture fixture, String table) {
    return Long.parseLong(fixture.clickHouse.query("SELECT count() AS n FROM " + fixture.database + "." + table).get(0, "n"));
  }

  private static void stop(WriterFixture fixture, ClickHouseWriter writer) throws InterruptedException {
    writer.stop();
    fixture.awaitWriterEnd(writer);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
