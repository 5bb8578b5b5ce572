package dev.tollgate.analytics.reprice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.avro.CostCorrection;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Re-pricing on the real ClickHouse: a history priced with the original catalog, re-priced with the
 * corrected one, checked against the same history priced afresh in Java, and the tables that must
 * stay in step (raw without FINAL, hourly and daily rollups) checked against each other.
 */
class RepriceIT {
  static final RepriceRange RANGE = RepriceRange.parse("2026-09-27", "2026-10-04", Instant.parse("2026-11-01T00:00:00Z"));
  static final String OUTSIDE = "occurred_at < toDateTime('2026-09-27 00:00:00', 'UTC')"
      + " OR occurred_at >= toDateTime('2026-10-05 00:00:00', 'UTC')";
  private static ClickHouseHttp clickHouse;
  private String database;
  private List<PricedUsageEvent> history;
  private StoredState stored;

  @BeforeAll
  static void connect() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
  }

  @BeforeEach
  void loadHistory() {
    database = "tollgate_it_reprice_" + UUID.randomUUID().toString().replace("-", "");
    history = RepriceHistory.events(4000, 17);
    RepriceHistory.load(clickHouse, database, history);
    stored = new StoredState(clickHouse, database);
  }

  @AfterEach
  void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + database);
  }

  static Repricer repricer(String database, CorrectionSink sink, EventPricing pricing) {
    return new Repricer(new Env(Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl())), database, pricing, sink,
        RepriceListener.SILENT, Duration.ZERO);
  }

  @Test
  void shouldLeaveTotalsEqualToAFreshPricingWithTheCorrectedCatalog() throws Exception {
    // given
    Expected expected = new Expected(history, new CatalogPricing(RepriceHistory.corrected()), RANGE);
    Map<String, String> outside = stored.rows(OUTSIDE);
    long rows = stored.plainRows();
    RecordingSink sink = new RecordingSink();

    // when
    RepriceResult result = repricer(database, sink, new CatalogPricing(RepriceHistory.corrected())).run(RANGE, "catalog v2");

    // then
    assertThat(stored.finalCostByModel()).isEqualTo(expected.costByModel());
    assertThat(stored.plainCostByModel()).isEqualTo(expected.costByModel());
    assertThat(stored.plainRows()).isEqualTo(rows);
    assertThat(stored.hourlyRollup()).isEqualTo(stored.rawHourly());
    assertThat(stored.dailyRollup()).isEqualTo(stored.rawDaily());
    assertThat(stored.rows(OUTSIDE)).isEqualTo(outside);
    assertThat(result.eventsChanged()).isEqualTo(expected.changed()).isPositive();
    assertThat(result.deltaUsd()).isEqualByComparingTo(expected.delta());
    assertThat(result.byModel()).extracting(ModelChange::model)
        .contains("gpt-4o", "claude-sonnet-4", "claude-next", "gpt-4o-mini", "llama-3.1-8b");
    assertThat(result.byPrice()).anySatisfy(p -> {
      assertThat(p.oldPrice()).isEqualTo("fallback claude-sonnet-4 from 2026-01-01, 3 in / 15 out per Mtok");
      assertThat(p.newPrice()).isEqualTo("catalog claude-next from 2026-09-28, 1 in / 5 out per Mtok");
    });
    assertThat(Expected.byScope(sink.sent)).isEqualTo(expected.deltaByScope());
    assertThat(sink.sent).extracting(CostCorrection::getCorrectionId).doesNotHaveDuplicates();
    assertThat(sink.sent).allSatisfy(c -> {
      assertThat(c.getReason()).isEqualTo("reprice");
      assertThat(c.getReference()).isEqualTo(result.runId());
      assertThat(c.getOccurredAt().getEpochSecond() % 900).isZero();
    });
    Rows audit = stored.audit();
    assertThat(audit.size()).isEqualTo(1);
    assertThat(audit.get(0, "run_id")).isEqualTo(result.runId());
    assertThat(audit.get(0, "status")).isEqualTo("done");
    assertThat(audit.get(0, "finished")).isEqualTo("1");
    assertThat(audit.get(0, "catalog_fingerprint")).isEqualTo("catalog v2");
    assertThat(Long.parseLong(audit.get(0, "events_changed"))).isEqualTo(expected.changed());
    assertThat(Long.parseLong(audit.get(0, "events_scanned"))).isEqualTo(result.eventsScanned());
    assertThat(Long.parseLong(audit.get(0, "corrections"))).isEqualTo(sink.sent.size());
    assertThat(audit.get(0, "delta")).satisfies(d -> assertThat(new java.math.BigDecimal(d)).isEqualByComparingTo(expected.delta()));
    assertThat(stored.tables()).containsEntry("usage_events_reprice", "0");
  }

  @Test
  void shouldChangeNothingWhenRunAgain() throws Exception {
    // given
    EventPricing corrected = new CatalogPricing(RepriceHistory.corrected());
    repricer(database, new RecordingSink(), corrected).run(RANGE, "catalog v2");
    Map<String, String> afterFirst = stored.rows("1");
    Map<String, String> hourly = stored.hourlyRollup();
    RecordingSink sink = new RecordingSink();

    // when
    RepriceResult second = repricer(database, sink, corrected).run(RANGE, "catalog v2");

    // then
    assertThat(second.eventsChanged()).isZero();
    assertThat(second.eventsScanned()).isPositive();
    assertThat(sink.sent).isEmpty();
    assertThat(stored.rows("1")).isEqualTo(afterFirst);
    assertThat(stored.hourlyRollup()).isEqualTo(hourly);
    assertThat(stored.audit().size()).isEqualTo(2);
  }

  @Test
  void shouldWriteNothingOnADryRunAndForeseeWhatTheRunThenDoes() throws Exception {
    // given
    EventPricing corrected = new CatalogPricing(RepriceHistory.corrected());
    Map<String, String> tables = stored.tables();
    Map<String, String> rows = stored.rows("1");
    long parts = stored.parts();
    RecordingSink sink = new RecordingSink();

    // when
    RepriceResult dry = repricer(database, sink, corrected).dryRun(RANGE, "catalog v2");

    // then
    assertThat(dry.dryRun()).isTrue();
    assertThat(stored.tables()).isEqualTo(tables);
    assertThat(stored.rows("1")).isEqualTo(rows);
    assertThat(stored.parts()).isEqualTo(parts);
    assertThat(sink.sent).isEmpty();
    RepriceResult real = repricer(database, sink, corrected).run(RANGE, "catalog v2");
    assertThat(dry.eventsScanned()).isEqualTo(real.eventsScanned());
    assertThat(dry.eventsChanged()).isEqualTo(real.eventsChanged());
    assertThat(dry.oldCostUsd()).isEqualByComparingTo(real.oldCostUsd());
    assertThat(dry.newCostUsd()).isEqualByComparingTo(real.newCostUsd());
    assertThat(dry.byModel()).isEqualTo(real.byModel());
  }
}
