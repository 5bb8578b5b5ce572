package dev.tollgate.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.analytics.writer.WriterConfig;
import dev.tollgate.analytics.writer.internal.HeldOffsets;
import dev.tollgate.analytics.writer.internal.KafkaPosition;
import dev.tollgate.analytics.writer.internal.OffsetRange;
import dev.tollgate.analytics.writer.internal.PricedEvents;
import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.analytics.writer.internal.UsageRowEncoder;
import dev.tollgate.stack.testing.TestStack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the users of deploy/local/clickhouse-users.xml may do, on the real ClickHouse: {@code analyst} reads
 * and changes nothing; the writers' {@code tollgate_writer} inserts and reads but changes no schema.
 */
class AccessIT {
  private static final String DATABASE = "tollgate_it_access_" + UUID.randomUUID().toString().replace("-", "");
  private static final List<String> OBJECTS = List.of("usage_events", "usage_hourly", "usage_hourly_mv", "usage_daily",
      "usage_daily_mv", "alerts", "reprice_changes", "reprice_runs");
  private static final String TOPIC = "tollgate.usage.priced";
  private static ClickHouseHttp owner;
  private static ClickHouseHttp analyst;
  private static ClickHouseHttp writer;

  @BeforeAll
  static void createTheTablesAndOneEvent() {
    String url = TestStack.clickHouse().httpUrl();
    owner = new ClickHouseHttp(url, "default", "");
    analyst = new ClickHouseHttp(url, "analyst", "");
    writer = new ClickHouseHttp(url, WriterConfig.DEFAULT_CLICKHOUSE_USER, "");
    Schema.apply(owner, DATABASE);
    owner.execute(on("INSERT INTO {db}.usage_events (event_id, occurred_at, tenant_id, team_id, user_id, feature, provider,"
        + " model, operation, input_tokens, cached_input_tokens, output_tokens, cost_usd, price_source, kafka_topic,"
        + " kafka_partition, kafka_offset) VALUES ('seed', '2026-03-10 08:15:00', 'acme', 'search', 'u-1', 'chat',"
        + " 'openai', 'gpt-4o', 'chat', 1200, 200, 300, 0.004750000000, 'catalog', '" + TOPIC + "', 0, 7)"));
  }

  @AfterAll
  static void dropTheDatabase() {
    owner.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  @Test
  void shouldLetTheAnalystReadTheEventsAndTheRollups() {
    // when
    String fromEvents = analyst.query(on("SELECT toString(sum(cost_usd)) AS usd FROM {db}.usage_events FINAL"
        + " WHERE event_id = 'seed'")).get(0, "usd");
    Rows hourly = analyst.query(on("SELECT toString(hour) AS h, sum(requests) AS calls, toString(sum(cost_usd)) AS usd"
        + " FROM {db}.usage_hourly WHERE tenant_id = 'acme' GROUP BY hour"));
    String alerts = analyst.query(on("SELECT count() AS n FROM {db}.alerts FINAL WHERE alert_id = 'none'")).get(0, "n");

    // then
    assertThat(fromEvents).isEqualTo("0.004750000000");
    assertThat(hourly.size()).isEqualTo(1);
    assertThat(hourly.get(0, "h")).isEqualTo("2026-03-10 08:00:00");
    assertThat(hourly.get(0, "calls")).isEqualTo("1");
    assertThat(hourly.get(0, "usd")).isEqualTo("0.004750000000");
    assertThat(alerts).isEqualTo("0");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "INSERT INTO {db}.usage_events (event_id, occurred_at, tenant_id, cost_usd) VALUES ('by-analyst', '2026-03-10 09:00:00', 'acme', 1)",
      "INSERT INTO {db}.usage_daily (day, tenant_id, requests, cost_usd) VALUES ('2026-03-10', 'acme', 1, 1)",
      "CREATE TABLE {db}.scratch (id UInt64) ENGINE = Memory",
      "DROP TABLE {db}.usage_daily",
      "ALTER TABLE {db}.usage_events DELETE WHERE event_id = 'seed'",
      "TRUNCATE TABLE {db}.usage_events",
      "RENAME TABLE {db}.usage_hourly TO {db}.usage_hourly_old",
      "OPTIMIZE TABLE {db}.usage_events FINAL",
      "SET readonly = 0"})
  void shouldRefuseTheAnalystEveryWriteAndSchemaChange(String statement) {
    // when / then
    assertThatThrownBy(() -> analyst.execute(on(statement)))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("Code: 164")
        .hasMessageContaining("in readonly mode");
    assertUnchanged();
  }

  @Test
  void shouldLetTheWriterInsertEventsAndAlertsAndReadTheOffsetsItResumesFrom() {
    // given an event as the usage writer sends it, from partition 2 offset 41, and an alert
    RowBinary rows = new RowBinary(1 << 12);
    UsageRowEncoder.write(rows, PricedEvents.priced(PricedEvents.call("by-writer", Instant.parse("2026-03-11T10:20:00Z"))
        .setTenantId("globex").build(), "0.500000000000"), new KafkaPosition(TOPIC, 2, 41), Instant.now());

    // when
    writer.insertRowBinary(DATABASE + ".usage_events", UsageRowEncoder.COLUMN_NAMES, rows.array(), rows.length());
    writer.execute(on("INSERT INTO {db}.alerts (alert_id, kind, severity, triggered_at, message)"
        + " VALUES ('by-writer', 'ops', 'warning', '2026-03-11 10:20:00', 'model gpt-5 has no price')"));
    HeldOffsets held = new HeldOffsets(writer, DATABASE, TOPIC);

    // then the writer reads back where to resume, and the views filled the rollups under its user
    assertThat(held.highest(List.of(0, 2))).isEqualTo(Map.of(0, 7L, 2, 41L));
    assertThat(held.within(List.of(OffsetRange.from(2, 0)))).isEqualTo(Map.of(2, Set.of(41L)));
    assertThat(analyst.query(on("SELECT toString(sum(cost_usd)) AS usd, sum(requests) AS calls FROM {db}.usage_daily"
        + " WHERE tenant_id = 'globex' AND day = '2026-03-11'")).get(0, "usd")).isEqualTo("0.500000000000");
    assertThat(analyst.query(on("SELECT message FROM {db}.alerts FINAL WHERE alert_id = 'by-writer'")).get(0, "message"))
        .isEqualTo("model gpt-5 has no price");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE TABLE {db}.scratch (id UInt64) ENGINE = Memory",
      "CREATE TABLE IF NOT EXISTS {db}.usage_events (id UInt64) ENGINE = Memory",
      "CREATE DATABASE {db}_scratch",
      "DROP TABLE {db}.usage_daily",
      "DROP DATABASE {db}",
      "ALTER TABLE {db}.usage_events DELETE WHERE event_id = 'seed'",
      "ALTER TABLE {db}.usage_events ADD COLUMN scratch UInt8",
      "ALTER TABLE {db}.usage_events DROP PARTITION 202603",
      "TRUNCATE TABLE {db}.usage_events",
      "RENAME TABLE {db}.usage_hourly TO {db}.usage_hourly_old",
      "OPTIMIZE TABLE {db}.usage_events FINAL",
      "SET allow_ddl = 1"})
  void shouldRefuseTheWriterEverySchemaChange(String statement) {
    // when / then
    assertThatThrownBy(() -> writer.execute(on(statement)))
        .isInstanceOf(ClickHouseException.class)
        .hasMessageContaining("Code: 392")
        .hasMessageContaining("DDL queries are prohibited for the user");
    assertUnchanged();
  }

  @Test
  void shouldLetTheWriterTellWhichOfItsTablesAreMissingWithoutCreatingThem() {
    // given a database nobody applied the schema to
    String empty = DATABASE + "_empty";

    // when
    List<String> missingThere = Schema.missingTables(writer, empty, Schema.WRITTEN_TABLES);
    List<String> missingHere = Schema.missingTables(writer, DATABASE, Schema.WRITTEN_TABLES);

    // then
    assertThat(missingThere).containsExactly("usage_events", "alerts");
    assertThat(missingHere).isEmpty();
    assertThat(Schema.missingTables(owner, empty, List.of("usage_events"))).containsExactly("usage_events");
  }

  private static void assertUnchanged() {
    assertThat(Schema.missingTables(owner, DATABASE, OBJECTS)).isEmpty();
    assertThat(owner.query(on("SELECT count() AS n FROM system.tables WHERE database = '{db}'")).get(0, "n"))
        .isEqualTo(String.valueOf(OBJECTS.size()));
    assertThat(owner.query("SELECT count() AS n FROM system.databases WHERE name = '" + DATABASE + "_scratch'").get(0, "n"))
        .isEqualTo("0");
    assertThat(owner.query(on("SELECT count() AS n FROM {db}.usage_events WHERE event_id = 'seed'")).get(0, "n"))
        .isEqualTo("1");
    assertThat(owner.query(on("SELECT count() AS n FROM system.columns WHERE database = '{db}' AND name = 'scratch'"))
        .get(0, "n")).isEqualTo("0");
  }

  private static String on(String statement) {
    return statement.replace("{db}", DATABASE);
  }
}
