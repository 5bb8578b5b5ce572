package dev.tollgate.processor.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpendLedgerTest {
  private static final long NOON = Instant.parse("2026-11-24T12:00:00Z").toEpochMilli();

  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();
  private final KeyValueStore<String, ScopeSpend> buckets = store("buckets", ScopeSpend.serde());
  private final KeyValueStore<String, PeriodState> periods = store("periods", PeriodState.serde());

  @BeforeEach
  void openStores() {
    buckets.init(context.getStateStoreContext(), buckets);
    periods.init(context.getStateStoreContext(), periods);
  }

  @Test
  void shouldAddEveryEventToItsBucketWhetherItWasRememberedOrReadFromTheStore() {
    // given: two events of one combination, then a new ledger on the same store, as after a restart
    new SpendLedger(buckets, periods).record("acme", spend(NOON, "0.25"));
    SpendLedger restarted = new SpendLedger(buckets, periods);
    restarted.record("acme", spend(NOON + 1_000, "0.50"));

    // when
    restarted.record("acme", spend(NOON + 2_000, "0.125"));

    // then: the store holds all three, with the last event's instant
    assertThat(entries()).singleElement().satisfies(bucket -> {
      assertThat(bucket.value.spend()).isEqualByComparingTo("0.875");
      assertThat(bucket.value.lastEventAt()).isEqualTo(NOON + 2_000);
    });
  }

  @Test
  void shouldStartAnExpiredBucketAfreshInsteadOfFromWhatItRemembered() {
    // given: a bucket written, then expired
    SpendLedger ledger = new SpendLedger(buckets, periods);
    ledger.record("acme", spend(NOON, "2"));
    ledger.expire(NOON + SpendLedger.BUCKET_MS);

    // when: a late event of the same bucket arrives
    ledger.record("acme", spend(NOON + 5, "3"));

    // then
    assertThat(entries()).singleElement().satisfies(bucket -> assertThat(bucket.value.spend()).isEqualByComparingTo("3"));
  }

  @Test
  void shouldKeepCountingRightPastTheNumberOfCombinationsItRemembers() {
    // given: more combinations than are remembered, each spent on once
    SpendLedger ledger = new SpendLedger(buckets, periods);
    for (int user = 0; user <= SpendLedger.MAX_REMEMBERED; user++) {
      ledger.record("acme", spendBy("u-" + user, NOON, "1"));
    }

    // when: each is spent on again
    for (int user = 0; user <= SpendLedger.MAX_REMEMBERED; user++) {
      ledger.record("acme", spendBy("u-" + user, NOON, "1"));
    }

    // then
    List<KeyValue<String, ScopeSpend>> all = entries();
    assertThat(all).hasSize(SpendLedger.MAX_REMEMBERED + 1);
    assertThat(all).allSatisfy(bucket -> assertThat(bucket.value.spend()).isEqualByComparingTo("2"));
  }

  private static TenantInput.Spend spend(long at, String cost) {
    return spendBy("u-1", at, cost);
  }

  private static TenantInput.Spend spendBy(String user, long at, String cost) {
    return new TenantInput.Spend(at, "search", user, "chat", new BigDecimal(cost));
  }

  private List<KeyValue<String, ScopeSpend>> entries() {
    List<KeyValue<String, ScopeSpend>> all = new ArrayList<>();
    try (KeyValueIterator<String, ScopeSpend> it = buckets.all()) {
      it.forEachRemaining(all::add);
    }
    return all;
  }

  private static <V> KeyValueStore<String, V> store(String name, Serde<V> serde) {
    return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), serde)
        .withLoggingDisabled().build();
  }
}
