package dev.tollgate.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tollgate.alerting.message.AlertNotice;
import dev.tollgate.alerting.message.DigestNotice;
import dev.tollgate.alerting.routes.EmailSpec;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.stack.Ports;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** E-mail through a real SMTP server (GreenMail) running in this JVM. */
class EmailChannelIT {
  private final int port = Ports.free();
  private final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private final Alert alert = Alerts.alert("acme-month/2026-03/threshold-90", "critical");

  EmailChannelIT() {
    smtp.start();
    smtp.setUser("tollgate@example.com", "tollgate", "s3cret");
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  private EmailChannel channel(String password) {
    return new EmailChannel(new EmailSpec("mail", "127.0.0.1", port, "tollgate", password, "none",
        "tollgate@example.com", List.of("oncall@example.com", "finance@example.com"), null, true), Duration.ofSeconds(5));
  }

  @Test
  void shouldSendPlainTextAndHtmlToEveryRecipientWithAStableMessageId() throws Exception {
    // when
    DeliveryResult result = channel("s3cret").send(new AlertNotice(alert));

    // then
    assertThat(result.accepted()).isTrue();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage mail = received[0];
    assertThat(mail.getSubject()).isEqualTo("[tollgate] CRITICAL threshold: acme-month at $36.00 of $40.00 (90%)");
    assertThat(mail.getFrom()[0].toString()).isEqualTo("tollgate@example.com");
    assertThat(mail.getAllRecipients()).extracting(Object::toString)
        .containsExactly("oncall@example.com", "finance@example.com");
    assertThat(mail.getHeader("Idempotency-Key")[0]).isEqualTo("acme-month/2026-03/threshold-90");
    MimeMultipart parts = (MimeMultipart) mail.getContent();
    assertThat(parts.getContentType()).startsWith("multipart/alternative");
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    assertThat((String) parts.getBodyPart(0).getContent()).contains("Spend:     $36.00 of $40.00 (90%)");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat((String) parts.getBodyPart(1).getContent()).contains("<td>tenant acme, team search</td>");

    // and a second send of the same alert carries the same Message-ID, so a repeat can be recognised
    channel("s3cret").send(new AlertNotice(alert));
    assertThat(smtp.getReceivedMessages()[2].getMessageID()).isEqualTo(mail.getMessageID());
  }

  @Test
  void shouldSendADigestAsOneMessage() throws Exception {
    // when
    DeliveryResult result = channel("s3cret").send(new DigestNotice(List.of(Alerts.alert("i-1", "info"),
        Alerts.alert("i-2", "info"))));

    // then
    assertThat(result.accepted()).isTrue();
    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).as("one message, to each of the two recipients").hasSize(2);
    assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
    assertThat(received[0].getSubject()).isEqualTo("[tollgate] digest: 2 info alerts");
  }

  @Test
  void shouldReportAWrongPasswordAndAServerThatIsDownAsNotAccepted() {
    // when
    DeliveryResult wrongPassword = channel("wrong").send(new AlertNotice(alert));
    smtp.stop();
    DeliveryResult down = channel("s3cret").send(new AlertNotice(alert));

    // then
    assertThat(wrongPassword.accepted()).isFalse();
    assertThat(wrongPassword.detail()).contains("AuthenticationFailedException");
    assertThat(down.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    assertThat(down.detail()).contains("Couldn't connect to host");
  }
}
