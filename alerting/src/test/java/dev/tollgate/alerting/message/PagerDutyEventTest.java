package dev.tollgate.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.schemas.avro.Alert;
import org.junit.jupiter.api.Test;

class PagerDutyEventTest {
  private final Alert alert = Alerts.alert("acme-month/2026-03/threshold-100", "emergency");

  @Test
  void shouldTriggerWithTheAlertIdAsDedupKey() throws Exception {
    // when
    JsonNode event = AlertJson.MAPPER.readTree(PagerDutyEvent.trigger(alert, "R0UT1NG", "tollgate", false));

    // then
    assertThat(event.get("routing_key").asText()).isEqualTo("R0UT1NG");
    assertThat(event.get("event_action").asText()).isEqualTo("trigger");
    assertThat(event.get("dedup_key").asText()).isEqualTo("acme-month/2026-03/threshold-100");
    JsonNode payload = event.get("payload");
    assertThat(payload.get("summary").asText()).isEqualTo("EMERGENCY threshold: acme-month at $36.00 of $40.00 (90%)"
        + " for tenant acme, team search, month 2026-03 (2026-03-01 00:00 UTC to 2026-04-01 00:00 UTC)");
    assertThat(payload.get("severity").asText()).isEqualTo("critical");
    assertThat(payload.get("source").asText()).isEqualTo("tollgate");
    assertThat(payload.get("timestamp").asText()).isEqualTo("2026-03-20T10:15:30Z");
    assertThat(payload.get("component").asText()).isEqualTo("acme-month");
    assertThat(payload.get("group").asText()).isEqualTo("acme");
    assertThat(payload.get("class").asText()).isEqualTo("threshold");
    assertThat(payload.get("custom_details").get("spend_usd").asText()).isEqualTo("36");
    assertThat(payload.get("custom_details").get("limit_usd").asText()).isEqualTo("40");
  }

  @Test
  void shouldResolveTheSameKeyWithoutPayload() throws Exception {
    // when
    JsonNode event = AlertJson.MAPPER.readTree(PagerDutyEvent.resolve(alert, "R0UT1NG"));

    // then
    assertThat(event.get("event_action").asText()).isEqualTo("resolve");
    assertThat(event.get("dedup_key").asText()).isEqualTo("acme-month/2026-03/threshold-100");
    assertThat(event.has("payload")).isFalse();
  }

  @Test
  void shouldMapSeveritiesAndKeepTheSummaryWithinPagerDutysLimit() throws Exception {
    // given
    Alert warning = Alerts.threshold("w", "warning").setBudgetId("b".repeat(2_000)).build();

    // when
    JsonNode payload = AlertJson.MAPPER.readTree(PagerDutyEvent.trigger(warning, "k", "s", false)).get("payload");

    // then
    assertThat(payload.get("severity").asText()).isEqualTo("warning");
    assertThat(payload.get("summary").asText()).hasSize(PagerDutyEvent.MAX_SUMMARY).endsWith("…");
  }
}
