package dev.tollgate.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTableTest {

  @Test
  void shouldShowOneReadableLinePerAlert() {
    // given
    Alert threshold = Alert.newBuilder()
        .setAlertId("a1")
        .setKind("threshold")
        .setSeverity("critical")
        .setBudgetId("acme-search")
        .setScope(new BudgetScope("acme", "search", null, "chat"))
        .setThresholdPct(new BigDecimal("87.500000000000"))
        .setSpendUsd(new BigDecimal("437.123456789012"))
        .setLimitUsd(new BigDecimal("500.000000000000"))
        .setTriggeredAt(Instant.parse("2026-11-20T10:00:01.900Z"))
        .setMessage("acme-search passed 87.5%\nof 500 USD")
        .build();
    Alert ops = Alert.newBuilder()
        .setAlertId("a2")
        .setKind("ops")
        .setSeverity("info")
        .setAttributes(Map.of("model", "gpt-9"))
        .setTriggeredAt(Instant.parse("2026-11-20T09:00:00Z"))
        .setMessage("unpriced model openai/gpt-9")
        .build();

    // when
    Rows rows = AlertTable.rows(List.of(threshold, ops));

    // then
    assertThat(rows.columns()).containsExactly("time_utc", "severity", "kind", "budget", "scope", "threshold",
        "spend/limit_usd", "message");
    assertThat(rows.rows().get(0)).containsExactly("2026-11-20 10:00:01", "critical", "threshold", "acme-search",
        "acme team=search feature=chat", "87.5%", "437.123457 / 500.00", "acme-search passed 87.5% of 500 USD");
    assertThat(rows.rows().get(1)).containsExactly("2026-11-20 09:00:00", "info", "ops", "-", "-", "-", "-",
        "unpriced model openai/gpt-9");
  }

  @Test
  void shouldShowAnAbsoluteThresholdInUsd() {
    // given
    Alert alert = Alert.newBuilder()
        .setAlertId("a3")
        .setKind("threshold")
        .setSeverity("warning")
        .setBudgetId("b")
        .setScope(new BudgetScope("acme", null, "u-1", null))
        .setThresholdUsd(new BigDecimal("250.000000000000"))
        .setSpendUsd(new BigDecimal("250.010000000000"))
        .setLimitUsd(new BigDecimal("1000.000000000000"))
        .setTriggeredAt(Instant.parse("2026-11-20T10:00:00Z"))
        .setMessage("m")
        .build();

    // when
    List<String> row = AlertTable.rows(List.of(alert)).rows().get(0);

    // then
    assertThat(row.get(4)).isEqualTo("acme user=u-1");
    assertThat(row.get(5)).isEqualTo("250.00 USD");
    assertThat(row.get(6)).isEqualTo("250.01 / 1000.00");
  }

  @Test
  void shouldAlignTheTableWithAmountsToTheRight() {
    // given
    Rows rows = new Rows(AlertTable.COLUMNS, List.of(
        List.of("2026-11-20 10:00:01", "warning", "threshold", "b", "acme", "75%", "375.00 / 500.00", "m1"),
        List.of("2026-11-20 09:00:00", "info", "ops", "-", "-", "-", "-", "m2")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    // when
    TextTable.print(new PrintStream(out, true, StandardCharsets.UTF_8), "Alerts", rows, AlertTable.RIGHT_ALIGNED);

    // then
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(1)).isEqualTo("Alerts");
    assertThat(lines.get(2)).isEqualTo("time_utc             severity  kind       budget  scope  threshold  spend/limit_usd  message");
    assertThat(lines.get(4)).isEqualTo("2026-11-20 10:00:01  warning   threshold  b       acme         75%  375.00 / 500.00  m1");
    assertThat(lines.get(5)).isEqualTo("2026-11-20 09:00:00  info      ops        -       -              -                -  m2");
  }
}
