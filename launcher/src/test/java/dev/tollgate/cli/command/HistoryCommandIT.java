package dev.tollgate.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.analytics.writer.internal.KafkaPosition;
import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.analytics.writer.internal.UsageRowEncoder;
import dev.tollgate.cli.Settings;
import dev.tollgate.config.Env;
import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.PriceCatalogJson;
import dev.tollgate.schemas.validation.UsageEventValidator;
import dev.tollgate.stack.testing.TestStack;
import dev.tollgate.workload.history.HistoryGenerator;
import dev.tollgate.workload.history.HistorySpec;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code history generate} writing into the real ClickHouse, checked against an independent pricing of the same events. */
class HistoryCommandIT {
  private static final String RUN = UUID.randomUUID().toString().replace("-", "");
  private static final String DATABASE = "tollgate_it_history_" + RUN;
  private static final String REPLACED = "tollgate_it_history_replaced_" + RUN;
  private static final String LIVE = "tollgate_it_history_live_" + RUN;
  private static final Path CATALOG = Path.of("..", "deploy", "prices", "catalog.json");
  private static final int EVENTS = 50_000;
  private static final YearMonth MONTH = YearMonth.of(2025, 10);
  private static final long SEED = 42;
  private static ClickHouseHttp clickHouse;
  private static CommandRunner tollgate;
  private static CommandRunner.Result generated;

  @BeforeAll
  static void generate() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    tollgate = new CommandRunner(Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl(),
        Settings.HOME, Path.of("..").toAbsolutePath().normalize().toString()));
    generated = tollgate.run("history", "generate", "--events", String.valueOf(EVENTS), "--month", MONTH.toString(),
        "--database", DATABASE, "--seed", String.valueOf(SEED));
  }

  @AfterAll
  static void dropDatabases() {
    for (String database : List.of(DATABASE, REPLACED, LIVE)) {
      clickHouse.execute("DROP DATABASE IF EXISTS " + database);
    }
  }

  @Test
  void shouldWriteEveryEventOnceInsideTheMonth() {
    // then
    assertThat(generated.exitCode()).isZero();
    Rows rows = clickHouse.query("SELECT count() AS n, uniqExact(event_id) AS ids, uniqExact(tenant_id) AS tenants,"
        + " toString(min(occurred_at)) AS first, toString(max(occurred_at)) AS last,"
        + " countIf(operation = 'adjustment') AS credits FROM " + DATABASE + ".usage_events FINAL");
    assertThat(rows.get(0, "n")).isEqualTo(String.valueOf(EVENTS));
    assertThat(rows.get(0, "ids")).isEqualTo(String.valueOf(EVENTS));
    assertThat(rows.get(0, "tenants")).isEqualTo("20");
    assertThat(rows.get(0, "first")).startsWith("2025-10-01");
    assertThat(rows.get(0, "last")).startsWith("2025-10-31");
    assertThat(rows.get(0, "credits")).isEqualTo("60");
    assertThat(clickHouse.query("SELECT count() AS n FROM " + DATABASE + ".usage_events").get(0, "n")).isEqualTo(String.valueOf(EVENTS));
  }

  @Test
  void shouldStoreTheCostOfEveryEventExactly() throws Exception {
    // given the same events, priced apart from the command
    BigDecimal expected = independentTotal();

    // when
    BigDecimal stored = new BigDecimal(clickHouse.query("SELECT toString(sum(cost_usd)) AS total FROM "
        + DATABASE + ".usage_events FINAL").get(0, "total"));

    // then
    assertThat(stored).isEqualByComparingTo(expected);
    assertThat(generated.out()).contains("total cost: " + expected.toPlainString() + " USD")
        .contains("generated 50,000 events (60 of them credit notes) of 2025-10 into " + DATABASE)
        .contains("TOLLGATE_CLICKHOUSE_DATABASE=" + DATABASE + " ./tollgate report monthly --month 2025-10");
  }

  @Test
  void shouldFillTheHourlyAndDailyRollupsWithTheTotalsOfTheRawEvents() {
    // when
    Rows raw = totals("countIf(operation != 'adjustment')", "countIf(operation = 'adjustment')", "usage_events FINAL");
    Rows hourly = totals("sum(requests)", "sum(adjustments)", "usage_hourly");
    Rows daily = totals("sum(requests)", "sum(adjustments)", "usage_daily");

    // then
    assertThat(raw.rows().get(0).get(0)).isEqualTo(String.valueOf(EVENTS - 60));
    assertThat(hourly.rows()).isEqualTo(raw.rows());
    assertThat(daily.rows()).isEqualTo(raw.rows());
  }

  @Test
  void shouldRefuseToAddASecondDataSetWithoutReplace() {
    // when
    CommandRunner.Result again = tollgate.run("history", "generate", "--events", "1000", "--month", MONTH.toString(),
        "--database", DATABASE, "--seed", "43");

    // then
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains(DATABASE + " already holds 50,000 events").contains("--replace");
    assertThat(clickHouse.query("SELECT count() AS n FROM " + DATABASE + ".usage_events").get(0, "n")).isEqualTo(String.valueOf(EVENTS));
  }

  @Test
  void shouldStartOverWithReplace() {
    // given
    assertThat(tollgate.run("history", "generate", "--events", "3000", "--month", "2025-09", "--database", REPLACED).exitCode()).isZero();

    // when
    CommandRunner.Result replaced = tollgate.run("history", "generate", "--events", "2000", "--month", "2025-09",
        "--database", REPLACED, "--tenants", "3", "--users", "30", "--replace");

    // then
    assertThat(replaced.exitCode()).isZero();
    Rows rows = clickHouse.query("SELECT count() AS n, uniqExact(tenant_id) AS tenants, uniqExact(user_id) AS users FROM "
        + REPLACED + ".usage_events FINAL");
    assertThat(rows.get(0, "n")).isEqualTo("2000");
    assertThat(rows.get(0, "tenants")).isEqualTo("3");
    assertThat(Long.parseLong(rows.get(0, "users"))).isBetween(20L, 31L);
    assertThat(clickHouse.query("SELECT sum(requests) + sum(adjustments) AS n FROM " + REPLACED + ".usage_daily").get(0, "n")).isEqualTo("2000");
  }

  @Test
  void shouldNeverDropADatabaseThatHoldsEventsFromKafka() {
    // given a database the writer filled from tollgate.usage.priced
    Schema.apply(clickHouse, LIVE);
    UsageEvent live = UsageEvent.newBuilder().setEventId("live-1").setOccurredAt(Instant.parse("2025-10-02T10:00:00Z"))
        .setTenantId("acme").setUserId("u").setFeature("chat").setProvider("openai").setModel("gpt-4o")
        .setInputTokens(10).setOutputTokens(10).build();
    RowBinary row = new RowBinary(1024);
    UsageRowEncoder.write(row, PricedUsageEvent.newBuilder().setEvent(live).setCostUsd(new BigDecimal("0.000125000000"))
            .setPriceSource("catalog").setPricedAt(Instant.parse("2025-10-02T10:00:01Z")).build(),
        new KafkaPosition("tollgate.usage.priced", 0, 0), Instant.parse("2025-10-02T10:00:02Z"));
    clickHouse.insertRowBinary(LIVE + ".usage_events", UsageRowEncoder.COLUMN_NAMES, row.array(), row.length());

    // when
    CommandRunner.Result refused = tollgate.run("history", "generate", "--events", "100", "--month", "2025-10",
        "--database", LIVE, "--replace");

    // then
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("refusing to drop " + LIVE + ": 1 of its events came from Kafka");
    assertThat(clickHouse.query("SELECT count() AS n FROM " + LIVE + ".usage_events").get(0, "n")).isEqualTo("1");
  }

  @Test
  void shouldRefuseAMonthThatHasNotStartedAndABadDatabaseName() {
    // when
    CommandRunner.Result future = tollgate.run("history", "generate", "--events", "10", "--month", "2999-01", "--database", DATABASE);
    CommandRunner.Result badName = tollgate.run("history", "generate", "--events", "10", "--month", "2025-10", "--database", "x; DROP");

    // then
    assertThat(future.exitCode()).isEqualTo(2);
    assertThat(future.err()).contains("--month 2999-01 has not started yet");
    assertThat(badName.exitCode()).isEqualTo(2);
    assertThat(badName.err()).contains("database name must match");
  }

  private static Rows totals(String requests, String adjustments, String table) {
    return clickHouse.query("SELECT " + requests + " AS requests, " + adjustments + " AS adjustments,"
        + " sum(input_tokens) AS input, sum(cached_input_tokens) AS cached, sum(output_tokens) AS output,"
        + " toString(sum(cost_usd)) AS cost FROM " + DATABASE + "." + table);
  }

  /** Regenerates the events and prices each by the newest catalog entry in effect, with CostCalculator. */
  private static BigDecimal independentTotal() throws Exception {
    List<PriceEntry> catalog = new ArrayList<>(PriceCatalogJson.parse(Files.readString(CATALOG)).entries());
    catalog.sort(Comparator.comparing(PriceEntry::getEffectiveFrom).reversed());
    HistoryGenerator events = new HistoryGenerator(new HistorySpec(EVENTS, MONTH, SEED, 20, 2000, Instant.now()));
    BigDecimal total = BigDecimal.ZERO;
    while (events.hasNext()) {
      UsageEvent e = events.next();
      if (UsageEventValidator.isAdjustment(e)) {
        total = total.add(e.getAmountUsd());
        continue;
      }
      PriceEntry price = catalog.stream()
          .filter(p -> p.getProvider().equals(e.getProvider()) && p.getModel().equals(e.getModel())
              && !p.getEffectiveFrom().isAfter(e.getOccurredAt()))
          .findFirst().orElseThrow(() -> new AssertionError("no price for " + e.getProvider() + "/" + e.getModel()));
      total = total.add(CostCalculator.cost(e, price));
    }
    return total;
  }
}
