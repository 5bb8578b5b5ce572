package dev.tollgate.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.schemas.avro.Alert;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

  @Test
  void shouldCarryTheWholeAlertWithExactAmountsAndTheIdempotencyKey() throws Exception {
    // given
    Alert alert = Alerts.threshold("acme-month/2026-03/threshold-90", "critical")
        .setSpendUsd(new java.math.BigDecimal("36.123456789012")).build();

    // when
    byte[] body = WebhookBody.of(new AlertNotice(alert), "ops-hook");
    JsonNode json = AlertJson.MAPPER.readTree(body);

    // then
    assertThat(json.get("type").asText()).isEqualTo("alert");
    assertThat(json.get("idempotency_key").asText()).isEqualTo("acme-month/2026-03/threshold-90");
    assertThat(json.get("channel").asText()).isEqualTo("ops-hook");
    JsonNode a = json.get("alert");
    assertThat(a.get("spend_usd").asText()).isEqualTo("36.123456789012");
    assertThat(a.get("scope").get("team_id").asText()).isEqualTo("search");
    assertThat(a.get("period_end").asText()).isEqualTo("2026-04-01T00:00:00Z");
    assertThat(a.get("projected_spend_usd").isNull()).isTrue();
    assertThat(WebhookBody.of(new AlertNotice(alert), "ops-hook")).as("the same bytes on every attempt").isEqualTo(body);
  }

  @Test
  void shouldListTheAlertsOfADigestUnderAKeyOfTheirIds() throws Exception {
    // given
    DigestNotice digest = new DigestNotice(List.of(Alerts.alert("i-1", "info"), Alerts.alert("i-2", "info")));

    // when
    JsonNode json = AlertJson.MAPPER.readTree(WebhookBody.of(digest, "ops-hook"));

    // then
    assertThat(json.get("type").asText()).isEqualTo("digest");
    assertThat(json.get("count").asInt()).isEqualTo(2);
    assertThat(json.get("alerts").findValuesAsText("alert_id")).containsExactly("i-1", "i-2");
    assertThat(json.get("idempotency_key").asText()).startsWith("digest-").hasSize(39)
        .isEqualTo(new DigestNotice(List.of(Alerts.alert("i-1", "info"), Alerts.alert("i-2", "info"))).idempotencyKey())
        .isNotEqualTo(new DigestNotice(List.of(Alerts.alert("i-1", "info"))).idempotencyKey());
  }
}
