package dev.tollgate.processor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeduplicationProcessorTest {
  private static final String STORE = "dedup-store";
  private static final Duration HORIZON = Duration.ofDays(7);
  private static final SightingBuckets BUCKETS = new SightingBuckets(HORIZON);
  private static final long UPGRADE = Instant.parse("2026-11-24T09:00:00Z").toEpochMilli();

  private final MockProcessorContext<String, UsageEvent> context = new MockProcessorContext<>();
  private final WindowStore<String, Long> store = Stores.windowStoreBuilder(
      Stores.inMemoryWindowStore(STORE, BUCKETS.retention(), BUCKETS.width(), false), Serdes.String(), Serdes.Long())
      .withLoggingDisabled().build();

  @BeforeEach
  void openStore() {
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
  }

  @Test
  void shouldCatchACopyInTheNextBucketAndPassOneOnceTheHorizonHasPassed() {
    // given: a first sighting one millisecond before a bucket ends
    long first = BUCKETS.startOf(UPGRADE) + BUCKETS.widthMs() - 1;
    Processor<String, UsageEvent, String, UsageEvent> dedup = startedAt(first);
    process(dedup, "e-1", first);

    // when: copies two milliseconds later, at the horizon's last millisecond, and just after it
    process(dedup, "e-1", first + 2);
    process(dedup, "e-1", first + HORIZON.toMillis());
    process(dedup, "e-1", first + HORIZON.toMillis() + 1);

    // then
    assertThat(forwardedAt()).containsExactly(first, first + HORIZON.toMillis() + 1);
  }

  @Test
  void shouldCatchACopyOfASightingAnEarlierVersionFiledUnderItsOwnInstant() {
    // given: the store as the range-fetching version left it, then this version starts a day later
    store.put("old-1", UPGRADE - Duration.ofDays(1).toMillis(), UPGRADE - Duration.ofDays(1).toMillis());
    Processor<String, UsageEvent, String, UsageEvent> dedup = startedAt(UPGRADE);

    // when: a copy five days after the first sighting, another after the horizon
    process(dedup, "old-1", UPGRADE + Duration.ofDays(4).toMillis());
    process(dedup, "old-1", UPGRADE + Duration.ofDays(6).toMillis() + 1);

    // then
    assertThat(forwardedAt()).containsExactly(UPGRADE + Duration.ofDays(6).toMillis() + 1);
  }

  @Test
  void shouldRememberAcrossARestartUntilWhenOldSightingsAreSearched() {
    // given: an upgraded store, marked by the first record processed
    store.put("old-1", UPGRADE - 1, UPGRADE - 1);
    process(startedAt(UPGRADE), "new-1", UPGRADE);

    // when: the processor restarts two days later and sees a copy of the old event
    long restart = UPGRADE + Duration.ofDays(2).toMillis();
    Processor<String, UsageEvent, String, UsageEvent> restarted = startedAt(restart);
    process(restarted, "old-1", restart);

    // then: caught, and the marker still says one horizon after the upgrade, not after the restart
    assertThat(forwardedAt()).containsExactly(UPGRADE);
    assertThat(store.fetch(StoreLayout.MARKER, BUCKETS.startOf(restart))).isEqualTo(UPGRADE + HORIZON.toMillis());
  }

  @Test
  void shouldNeverSearchByRangeInAStoreThatStartedWithBuckets() {
    // given: an empty store
    Processor<String, UsageEvent, String, UsageEvent> dedup = startedAt(UPGRADE);

    // when
    process(dedup, "e-1", UPGRADE);

    // then: the marker says there is nothing to search by range
    assertThat(store.fetch(StoreLayout.MARKER, BUCKETS.startOf(UPGRADE))).isZero();
    assertThat(store.fetch("e-1", BUCKETS.startOf(UPGRADE))).isEqualTo(UPGRADE);
  }

  private Processor<String, UsageEvent, String, UsageEvent> startedAt(long nowMs) {
    context.setCurrentSystemTimeMs(nowMs);
    Processor<String, UsageEvent, String, UsageEvent> dedup = DeduplicationProcessor.supplier(STORE, HORIZON).get();
    dedup.init(context);
    return dedup;
  }

  private void process(Processor<String, UsageEvent, String, UsageEvent> dedup, String eventId, long nowMs) {
    context.setCurrentSystemTimeMs(nowMs);
    UsageEvent event = UsageEvent.newBuilder().setEventId(eventId).setOccurredAt(Instant.ofEpochMilli(nowMs))
        .setTenantId("acme").setUserId("u-1").setFeature("chat").setProvider("openai").setModel("gpt-4o")
        .setInputTokens(1).setOutputTokens(1).build();
    dedup.process(new Record<>(eventId, event, nowMs));
  }

  private java.util.List<Long> forwardedAt() {
    return context.forwarded().stream().map(f -> f.record().timestamp()).toList();
  }
}
