package dev.tollgate.analytics.reprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.reprice.internal.ClickHouseStream;
import dev.tollgate.analytics.reprice.internal.Journal;
import dev.tollgate.analytics.reprice.internal.RollupRepair;
import dev.tollgate.analytics.reprice.internal.Staging;
import dev.tollgate.analytics.reprice.internal.Tsv;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.avro.CostCorrection;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs stopped at each point where a crash leaves something half done, then finished by the next
 * run: the end state must be the one an uninterrupted run leaves, and budgets must get the same
 * corrections, with the same ids.
 */
class RepriceRecoveryIT {
  private static ClickHouseHttp clickHouse;
  private String database;
  private List<PricedUsageEvent> history;
  private StoredState stored;
  private Expected expected;
  private final EventPricing corrected = new CatalogPricing(RepriceHistory.corrected());

  @BeforeAll
  static void connect() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
  }

  @BeforeEach
  void loadHistory() {
    database = "tollgate_it_recovery_" + UUID.randomUUID().toString().replace("-", "");
    history = RepriceHistory.events(3000, 23);
    RepriceHistory.load(clickHouse, database, history);
    stored = new StoredState(clickHouse, database);
    expected = new Expected(history, corrected, RepriceIT.RANGE);
  }

  @AfterEach
  void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + database);
  }

  @Test
  void shouldFinishARunInterruptedWhileSendingCorrectionsAndSendTheSameIds() throws Exception {
    // given
    Map<String, String> before = stored.rows("1");
    RecordingSink lost = new RecordingSink(RecordingSink.Flush.BROKER_GONE);
    assertThatThrownBy(() -> RepriceIT.repricer(database, lost, corrected).run(RepriceIT.RANGE, "v2"))
        .hasMessageContaining("broker went away");
    assertThat(stored.rows("1")).as("nothing applied before budgets have the corrections").isEqualTo(before);
    assertThat(stored.audit().get(0, "status")).isEqualTo("publishing");
    RecordingSink sink = new RecordingSink();

    // when
    Optional<RepriceResult> finished = RepriceIT.repricer(database, sink, corrected).finishInterrupted();

    // then
    assertThat(finished).isPresent();
    assertThat(finished.get().eventsChanged()).isEqualTo(expected.changed());
    assertThat(sink.sent).extracting(CostCorrection::getCorrectionId)
        .containsExactlyElementsOf(lost.sent.stream().map(CostCorrection::getCorrectionId).toList());
    assertFinishedLikeAnUninterruptedRun();
  }

  @Test
  void shouldFinishARunInterruptedBetweenAttachingAndDeleting() throws Exception {
    // given
    long rows = stored.plainRows();
    interruptAfterScanning();
    new Staging(clickHouse, database).attach(runStart(), () -> {});
    assertThat(stored.plainRows()).as("both versions, for a moment").isEqualTo(rows + expected.changed());

    // when
    RepriceIT.repricer(database, new RecordingSink(), corrected).finishInterrupted();

    // then
    assertFinishedLikeAnUninterruptedRun();
  }

  @Test
  void shouldNotCompensateTheRollupsTwiceWhenInterruptedJustBeforeRecordingTheEnd() throws Exception {
    // given
    interruptAfterScanning();
    Staging staging = new Staging(clickHouse, database);
    staging.attach(runStart(), () -> {});
    staging.deleteReplaced(runStart(), RepriceListener.SILENT, () -> {});
    ClickHouseStream stream = new ClickHouseStream(TestStack.clickHouse().httpUrl(), "default", "");
    new RollupRepair(clickHouse, stream, new Journal(clickHouse, stream, database), database)
        .repair(stored.audit().get(0, "run_id"), () -> {});

    // when
    RepriceIT.repricer(database, new RecordingSink(), corrected).finishInterrupted();

    // then
    assertFinishedLikeAnUninterruptedRun();
  }

  @Test
  void shouldDropWhatItStagedWhenItsScanFailsAndLeaveTheRestAlone() throws Exception {
    // given
    Map<String, String> before = stored.rows("1");

    // when
    assertThatThrownBy(() -> RepriceIT.repricer(database, new RecordingSink(), failingAfter(1500, false))
        .run(RepriceIT.RANGE, "v2")).hasMessageContaining("pricing failed");

    // then
    Rows audit = stored.audit();
    assertThat(audit.get(0, "status")).isEqualTo("abandoned");
    assertThat(clickHouse.query("SELECT error FROM " + database + ".reprice_runs FINAL").get(0, "error"))
        .contains("pricing failed");
    assertThat(stored.tables()).containsEntry("reprice_changes", "0").containsEntry("usage_events_reprice", "0");
    assertThat(stored.rows("1")).isEqualTo(before);
    RepriceIT.repricer(database, new RecordingSink(), corrected).run(RepriceIT.RANGE, "v2");
    assertFinishedLikeAnUninterruptedRun();
  }

  @Test
  void shouldAbandonARunKilledWhileScanningAndStartAfresh() throws Exception {
    // given
    assertThatThrownBy(() -> RepriceIT.repricer(database, new RecordingSink(), failingAfter(1500, true))
        .run(RepriceIT.RANGE, "v2")).hasMessageContaining("killed");
    assertThat(stored.audit().get(0, "status")).isEqualTo("scanning");
    assertThat(Long.parseLong(stored.tables().get("reprice_changes"))).isPositive();
    Map<String, String> before = stored.rows("1");

    // when
    Optional<RepriceResult> finished = RepriceIT.repricer(database, new RecordingSink(), corrected).finishInterrupted();

    // then
    assertThat(finished).isEmpty();
    assertThat(stored.audit().get(0, "status")).isEqualTo("abandoned");
    assertThat(stored.tables()).containsEntry("reprice_changes", "0").containsEntry("usage_events_reprice", "0");
    assertThat(stored.rows("1")).isEqualTo(before);
    RepriceIT.repricer(database, new RecordingSink(), corrected).run(RepriceIT.RANGE, "v2");
    assertFinishedLikeAnUninterruptedRun();
  }

  @Test
  void shouldRefuseToTakeOverARunKilledMomentsAgoThatMayStillBeWorking() {
    // given
    assertThatThrownBy(() -> RepriceIT.repricer(database, new RecordingSink(RecordingSink.Flush.PROCESS_KILLED), corrected)
        .run(RepriceIT.RANGE, "v2")).hasMessageContaining("killed");

    // when / then
    assertThatThrownBy(() -> patient().finishInterrupted()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is still publishing");
  }

  @Test
  void shouldTakeOverAtOnceARunThatRecordedWhyItStopped() throws Exception {
    // given
    interruptAfterScanning();

    // when
    Optional<RepriceResult> finished = patient().finishInterrupted();

    // then
    assertThat(finished).isPresent();
    assertFinishedLikeAnUninterruptedRun();
  }

  private Repricer patient() {
    return new Repricer(new Env(Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl())), database,
        corrected, new RecordingSink(), RepriceListener.SILENT, Duration.ofMinutes(10));
  }

  /** Prices like the corrected catalog, until the n-th event: then fails, or dies as a killed process would. */
  private EventPricing failingAfter(int n, boolean killed) {
    AtomicInteger priced = new AtomicInteger();
    return (event, at) -> {
      if (priced.incrementAndGet() > n) {
        if (killed) {
          throw new AssertionError("killed");
        }
        throw new IllegalStateException("pricing failed");
      }
      return corrected.price(event, at);
    };
  }

  private void interruptAfterScanning() {
    assertThatThrownBy(() -> RepriceIT.repricer(database, new RecordingSink(RecordingSink.Flush.BROKER_GONE), corrected)
        .run(RepriceIT.RANGE, "v2"))
        .hasMessageContaining("broker went away");
  }

  private Instant runStart() {
    return Tsv.dateTime(clickHouse.query("SELECT started_at FROM " + database + ".reprice_runs LIMIT 1").get(0, "started_at"));
  }

  private void assertFinishedLikeAnUninterruptedRun() {
    assertThat(stored.finalCostByModel()).isEqualTo(expected.costByModel());
    assertThat(stored.plainCostByModel()).isEqualTo(expected.costByModel());
    assertThat(stored.plainRows()).isEqualTo(history.size());
    assertThat(stored.hourlyRollup()).isEqualTo(stored.rawHourly());
    assertThat(stored.dailyRollup()).isEqualTo(stored.rawDaily());
    assertThat(stored.audit().get(stored.audit().size() - 1, "status")).isEqualTo("done");
  }
}
