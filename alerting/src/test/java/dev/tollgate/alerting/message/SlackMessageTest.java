package dev.tollgate.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.schemas.avro.Alert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

  @Test
  void shouldShowScopeSpendLimitPercentAndPeriod() throws Exception {
    // given
    Alert alert = Alerts.threshold("acme-month/2026-03/threshold-90", "critical")
        .setMessage("acme-month: <90%> & rising").build();

    // when
    JsonNode body = AlertJson.MAPPER.readTree(SlackMessage.body(new AlertNotice(alert)));

    // then
    assertThat(body.size()).isEqualTo(1);
    assertThat(body.get("text").asText()).isEqualTo("""
        :rotating_light: *CRITICAL* threshold alert · acme-month
        *Scope:* tenant acme, team search
        *Spend:* $36.00 of $40.00 (90%)
        *Threshold:* 90%
        *Period:* month 2026-03 (2026-03-01 00:00 UTC to 2026-04-01 00:00 UTC)
        *Triggered:* 2026-03-20 10:15 UTC
        acme-month: &lt;90%&gt; &amp; rising
        _alert_id acme-month/2026-03/threshold-90_""");
  }

  @Test
  void shouldListADigestOneLinePerAlertUpToALimit() {
    // given
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < SlackMessage.MAX_DIGEST_LINES + 2; i++) {
      alerts.add(Alerts.alert("info-" + i, "info"));
    }

    // when
    String text = SlackMessage.text(new DigestNotice(alerts));

    // then
    assertThat(text).startsWith(":information_source: *Digest: 52 info alerts*\n• INFO threshold: acme-month at $36.00 of"
        + " $40.00 (90%) · tenant acme, team search · month 2026-03 (2026-03-01 00:00 UTC to 2026-04-01 00:00 UTC)\n");
    assertThat(text.lines().filter(l -> l.startsWith("• "))).hasSize(SlackMessage.MAX_DIGEST_LINES);
    assertThat(text).endsWith("\n… and 2 more");
  }
}
