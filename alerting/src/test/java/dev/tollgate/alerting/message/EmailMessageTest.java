package dev.tollgate.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.schemas.avro.Alert;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailMessageTest {

  @Test
  void shouldWriteTheAlertAsPlainTextAndEscapedHtml() {
    // given
    Alert alert = Alerts.threshold("acme-month/2026-03/threshold-90", "critical").setMessage("spend <rising> & fast").build();

    // when
    EmailMessage mail = EmailMessage.of(new AlertNotice(alert));

    // then
    assertThat(mail.subject()).isEqualTo("[tollgate] CRITICAL threshold: acme-month at $36.00 of $40.00 (90%)");
    assertThat(mail.plain()).isEqualTo("""
        Budget:    acme-month
        Scope:     tenant acme, team search
        Spend:     $36.00 of $40.00 (90%)
        Threshold: 90%
        Period:    month 2026-03 (2026-03-01 00:00 UTC to 2026-04-01 00:00 UTC)
        Triggered: 2026-03-20 10:15 UTC

        spend <rising> & fast

        alert_id: acme-month/2026-03/threshold-90
        """);
    assertThat(mail.html()).contains("<tr><th align=\"left\">Spend</th><td>$36.00 of $40.00 (90%)</td></tr>")
        .contains("<p>spend &lt;rising&gt; &amp; fast</p>")
        .doesNotContain("<rising>");
  }

  @Test
  void shouldMarkATestAndSumUpADigest() {
    // given
    Alert first = Alerts.alert("i-1", "info");
    Alert second = Alerts.threshold("i-2", "info").setBudgetId("acme-week").build();

    // when
    EmailMessage test = EmailMessage.of(new AlertNotice(first, true));
    EmailMessage digest = EmailMessage.of(new DigestNotice(List.of(first, second)));

    // then
    assertThat(test.subject()).startsWith("[tollgate] TEST INFO threshold");
    assertThat(digest.subject()).isEqualTo("[tollgate] digest: 2 info alerts");
    assertThat(digest.plain()).contains("alert_id: i-1").contains("alert_id: i-2").contains("INFO threshold: acme-week");
    assertThat(digest.html()).contains("<h3>INFO threshold: acme-month at $36.00 of $40.00 (90%)</h3>");
  }
}
