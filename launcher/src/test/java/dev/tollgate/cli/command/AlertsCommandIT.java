package dev.tollgate.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.analytics.alerts.internal.AlertRowEncoder;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code alerts} reading the real ClickHouse. */
class AlertsCommandIT {
  private static final String DATABASE = "tollgate_it_alerts_" + UUID.randomUUID().toString().replace("-", "");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ClickHouseHttp clickHouse;
  private static CommandRunner tollgate;

  @BeforeAll
  static void storeAlerts() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    Schema.apply(clickHouse, DATABASE);
    RowBinary rows = new RowBinary(1 << 12);
    for (Alert a : List.of(threshold("t-75", "acme", "75", "2026-11-20T10:00:00Z"),
        threshold("t-90", "acme", "90", "2026-11-20T11:00:00Z"),
        threshold("t-90", "acme", "90", "2026-11-20T11:00:00Z"),
        threshold("g-50", "globex", "50", "2026-11-20T12:00:00Z"),
        ops("2026-11-20T09:00:00Z"))) {
      AlertRowEncoder.write(rows, a);
    }
    clickHouse.insertRowBinary(DATABASE + ".alerts", AlertRowEncoder.COLUMN_NAMES, rows.array(), rows.length());
    tollgate = new CommandRunner(Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl(), Env.CLICKHOUSE_DATABASE, DATABASE));
  }

  @AfterAll
  static void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  @Test
  void shouldPrintEachAlertOnceNewestFirstAsJsonLines() throws Exception {
    // when
    CommandRunner.Result result = tollgate.run("alerts", "--json");

    // then
    assertThat(result.exitCode()).isZero();
    List<JsonNode> lines = json(result);
    assertThat(lines).extracting(n -> n.get("alert_id").textValue()).containsExactly("g-50", "t-90", "t-75", "ops-1");
    JsonNode t90 = lines.get(1);
    assertThat(t90.get("threshold_pct").textValue()).isEqualTo("90");
    assertThat(t90.get("spend_usd").textValue()).isEqualTo("450.000000000001");
    assertThat(t90.get("limit_usd").textValue()).isEqualTo("500");
    assertThat(t90.get("period_start").textValue()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(t90.get("triggered_at").textValue()).isEqualTo("2026-11-20T11:00:00Z");
    assertThat(t90.get("scope").get("team_id").textValue()).isEqualTo("search");
    assertThat(t90.get("scope").get("user_id").isNull()).isTrue();
    JsonNode ops = lines.get(3);
    assertThat(ops.get("scope").isNull()).isTrue();
    assertThat(ops.get("budget_id").isNull()).isTrue();
    assertThat(ops.get("attributes").get("model").textValue()).isEqualTo("gpt-9");
  }

  @Test
  void shouldFilterByTenantAndKindAndLimit() throws Exception {
    // when
    List<JsonNode> acme = json(tollgate.run("alerts", "--json", "--tenant", "acme"));
    List<JsonNode> ops = json(tollgate.run("alerts", "--json", "--kind", "ops"));
    List<JsonNode> newest = json(tollgate.run("alerts", "--json", "--limit", "2"));

    // then
    assertThat(acme).extracting(n -> n.get("alert_id").textValue()).containsExactly("t-90", "t-75");
    assertThat(ops).extracting(n -> n.get("alert_id").textValue()).containsExactly("ops-1");
    assertThat(newest).extracting(n -> n.get("alert_id").textValue()).containsExactly("g-50", "t-90");
  }

  @Test
  void shouldPrintAReadableTable() {
    // when
    CommandRunner.Result result = tollgate.run("alerts", "--tenant", "acme");

    // then
    assertThat(result.exitCode()).isZero();
    assertThat(result.lines()).hasSize(6);
    assertThat(result.lines().get(1)).isEqualTo("2 alerts of tenant acme");
    assertThat(result.lines().get(4)).isEqualTo("2026-11-20 11:00:00  warning   threshold  acme-search  acme team=search"
        + "        90%  450.00 / 500.00  acme-search passed 90% of 500 USD");
    assertThat(tollgate.run("alerts", "--kind", "forecast").out()).isEqualTo("no alerts of kind forecast\n");
  }

  @Test
  void shouldRefuseALimitBelowOne() {
    // when
    CommandRunner.Result result = tollgate.run("alerts", "--limit", "0");

    // then
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--limit must be at least 1");
  }

  private static Alert threshold(String id, String tenant, String pct, String at) {
    return Alert.newBuilder()
        .setAlertId(id)
        .setKind("threshold")
        .setSeverity("warning")
        .setBudgetId(tenant + "-search")
        .setScope(new BudgetScope(tenant, "search", null, null))
        .setPeriodStart(Instant.parse("2026-11-01T00:00:00Z"))
        .setPeriodEnd(Instant.parse("2026-12-01T00:00:00Z"))
        .setThresholdPct(new BigDecimal(pct).setScale(12))
        .setSpendUsd(new BigDecimal(pct).multiply(BigDecimal.valueOf(5)).add(new BigDecimal("0.000000000001")))
        .setLimitUsd(new BigDecimal("500").setScale(12))
        .setTriggeredAt(Instant.parse(at))
        .setMessage(tenant + "-search passed " + pct + "% of 500 USD")
        .build();
  }

  private static Alert ops(String at) {
    return Alert.newBuilder()
        .setAlertId("ops-1")
        .setKind("ops")
        .setSeverity("info")
        .setAttributes(Map.of("model", "gpt-9"))
        .setTriggeredAt(Instant.parse(at))
        .setMessage("unpriced model openai/gpt-9")
        .build();
  }

  private static List<JsonNode> json(CommandRunner.Result result) throws Exception {
    assertThat(result.exitCode()).isZero();
    List<JsonNode> nodes = new java.util.ArrayList<>();
    for (String line : result.lines()) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }
}
