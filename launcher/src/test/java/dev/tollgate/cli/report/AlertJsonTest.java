package dev.tollgate.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertJsonTest {
  private static final ObjectMapper READER = new ObjectMapper();

  @Test
  void shouldPrintEveryFieldOfTheContractWithExactDecimalsAsStringsAndIsoTimes() throws Exception {
    // given
    Alert alert = Alert.newBuilder()
        .setAlertId("acme-month|2026-11|75")
        .setKind("forecast")
        .setSeverity("warning")
        .setBudgetId("acme-month")
        .setScope(new BudgetScope("acme", "search", null, "chat"))
        .setPeriodStart(Instant.parse("2026-11-01T00:00:00Z"))
        .setPeriodEnd(Instant.parse("2026-12-01T00:00:00Z"))
        .setThresholdPct(usd("100"))
        .setSpendUsd(usd("375.123456789012"))
        .setLimitUsd(usd("12345678901234567890123456.000000000001"))
        .setProjectedSpendUsd(usd("-0.000000000001"))
        .setExpectedBreachAt(Instant.parse("2026-11-27T18:30:00.250Z"))
        .setConfidencePct(87)
        .setTriggeredAt(Instant.parse("2026-11-20T10:00:01Z"))
        .setMessage("projected to pass 500 USD")
        .build();

    // when
    JsonNode json = READER.readTree(AlertJson.line(alert));

    // then
    assertThat(fieldNames(json)).containsExactly("alert_id", "kind", "severity", "budget_id", "scope", "period_start",
        "period_end", "threshold_pct", "threshold_usd", "spend_usd", "limit_usd", "projected_spend_usd",
        "expected_breach_at", "confidence_pct", "recent_rate_usd_per_hour", "baseline_rate_usd_per_hour", "attributes",
        "triggered_at", "message");
    assertThat(json.get("alert_id").textValue()).isEqualTo("acme-month|2026-11|75");
    assertThat(json.get("threshold_pct").textValue()).isEqualTo("100");
    assertThat(json.get("spend_usd").textValue()).isEqualTo("375.123456789012");
    assertThat(json.get("limit_usd").textValue()).isEqualTo("12345678901234567890123456.000000000001");
    assertThat(json.get("projected_spend_usd").textValue()).isEqualTo("-0.000000000001");
    assertThat(json.get("threshold_usd").isNull()).isTrue();
    assertThat(json.get("recent_rate_usd_per_hour").isNull()).isTrue();
    assertThat(json.get("expected_breach_at").textValue()).isEqualTo("2026-11-27T18:30:00.250Z");
    assertThat(json.get("period_start").textValue()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(json.get("confidence_pct").intValue()).isEqualTo(87);
    assertThat(json.get("scope").get("tenant_id").textValue()).isEqualTo("acme");
    assertThat(json.get("scope").get("team_id").textValue()).isEqualTo("search");
    assertThat(json.get("scope").get("user_id").isNull()).isTrue();
    assertThat(json.get("attributes").size()).isZero();
  }

  @Test
  void shouldPrintAnOpsAlertOnOneLineWithNullScopeAndItsAttributes() throws Exception {
    // given
    Alert alert = Alert.newBuilder()
        .setAlertId("ops|unpriced|openai/gpt-9")
        .setKind("ops")
        .setSeverity("info")
        .setAttributes(Map.of("model", "gpt-9", "note", "line one\nline \"two\""))
        .setTriggeredAt(Instant.parse("2026-11-20T10:00:05Z"))
        .setMessage("unpriced model\nopenai/gpt-9")
        .build();

    // when
    String line = AlertJson.line(alert);

    // then
    assertThat(line).doesNotContain("\n");
    JsonNode json = READER.readTree(line);
    assertThat(json.get("scope").isNull()).isTrue();
    assertThat(json.get("budget_id").isNull()).isTrue();
    assertThat(json.get("confidence_pct").isNull()).isTrue();
    assertThat(json.get("attributes").get("note").textValue()).isEqualTo("line one\nline \"two\"");
    assertThat(json.get("attributes").get("model").textValue()).isEqualTo("gpt-9");
    assertThat(json.get("message").textValue()).isEqualTo("unpriced model\nopenai/gpt-9");
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static BigDecimal usd(String value) {
    return new BigDecimal(value).setScale(12);
  }
}
