package dev.tollgate.alerting;

import static dev.tollgate.alerting.testing.RecordingServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tollgate.alerting.dispatch.DeliverySettings;
import dev.tollgate.alerting.message.Signature;
import dev.tollgate.alerting.metrics.AlertingMetrics;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.alerting.testing.RecordingServer;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import dev.tollgate.stack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service on the real broker, delivering to real receivers started by the tests. */
class AlertingServiceIT {
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final DeliverySettings QUICK = new DeliverySettings(Duration.ZERO, 600, Duration.ofMillis(200),
      Duration.ofSeconds(1), Duration.ofMinutes(5));

  @TempDir
  Path dir;

  private static String webhookRoutes(RecordingServer receiver) {
    return """
        {"channels": [{"name": "ops-hook", "type": "webhook", "url": "%s", "secret": "change-me"}],
         "routes": [{"match": {"tenant_id": "*", "kind": "*", "min_severity": "info"}, "channels": ["ops-hook"]}]}
        """.formatted(receiver.url("/hook"));
  }

  private static List<String> keys(RecordingServer receiver) {
    return receiver.requests().stream().map(r -> r.header("Idempotency-Key")).toList();
  }

  @Test
  void shouldDeliverToEveryChannelTypeAndCommitOnlyAfterAllAccepted() throws Exception {
    // given a webhook, Slack and PagerDuty endpoint and an SMTP server, all on one route
    int smtpPort = Ports.free();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (RecordingServer hook = RecordingServer.start(0); RecordingServer slack = RecordingServer.start(0);
         RecordingServer pd = RecordingServer.start(0);
         ServiceFixture f = new ServiceFixture(dir, """
             {"channels": [
               {"name": "hook", "type": "webhook", "url": "%s", "secret": "change-me"},
               {"name": "slack", "type": "slack", "url": "%s"},
               {"name": "pd", "type": "pagerduty", "url": "%s", "routing_key": "R0UT1NG"},
               {"name": "mail", "type": "email", "smtp_host": "127.0.0.1", "smtp_port": %d, "from": "tollgate@example.com",
                "to": "oncall@example.com"}],
              "routes": [{"channels": ["hook", "slack", "pd", "mail"]}]}
             """.formatted(hook.url("/hook"), slack.url("/slack"), pd.url("/v2/enqueue"), smtpPort))) {
      pd.answer(202);
      Alert alert = Alerts.threshold("acme-month/2026-03/threshold-90", "critical")
          .setPeriodEnd(Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.MILLIS)).build();
      f.start(QUICK);

      // when
      f.publish(0, alert);
      await("every channel", PATIENCE, () -> hook.requests().size() == 1 && slack.requests().size() == 1
          && pd.requests().size() == 1 && smtp.getReceivedMessages().length == 1);
      long end = f.endOffset(0);
      await("the commit past the transaction marker", PATIENCE, () -> Long.valueOf(end).equals(uncheckedCommitted(f).get(0)));

      // then
      assertThat(end).as("the record and its commit marker").isEqualTo(2);
      RecordingServer.Request request = hook.requests().get(0);
      assertThat(Signature.verify("change-me", request.body(), request.header(Signature.HEADER))).isTrue();
      assertThat(request.json().get("alert").get("alert_id").asText()).isEqualTo(alert.getAlertId());
      assertThat(slack.requests().get(0).json().get("text").asText()).contains("*Spend:* $36.00 of $40.00 (90%)");
      assertThat(pd.requests().get(0).json().get("dedup_key").asText()).isEqualTo(alert.getAlertId());
      assertThat(smtp.getReceivedMessages()[0].getSubject()).contains("CRITICAL threshold: acme-month");
      assertThat(f.openIncidents()).containsOnlyKeys("pd|" + alert.getAlertId());
      assertThat(f.metrics().count(AlertingMetrics.DELIVERED, null)).isEqualTo(4);
      assertThat(f.deadLetters()).isEmpty();
    } finally {
      smtp.stop();
    }
  }

  @Test
  void shouldDeliverLaterOnceAndInOrderWhenTheReceiverComesBackAndNothingTwiceAfterACleanRestart() throws Exception {
    // given a receiver that is down
    try (RecordingServer receiver = RecordingServer.down(Ports.free());
         ServiceFixture f = new ServiceFixture(dir, webhookRoutes(receiver))) {
      f.start(QUICK);
      for (int i = 1; i <= 3; i++) {
        f.publish(0, Alerts.alert("a-" + i, "warning"));
      }
      Thread.sleep(4_000);
      Map<Integer, Long> whileDown = f.committed();

      // when it comes back
      receiver.up();
      await("three alerts", PATIENCE, () -> receiver.requests().size() >= 3);
      long end = f.endOffset(0);
      await("the commit", PATIENCE, () -> Long.valueOf(end).equals(uncheckedCommitted(f).get(0)));
      f.stopCleanly();
      f.start(QUICK);
      f.publish(0, Alerts.alert("a-4", "warning"));
      await("the alert after the restart", PATIENCE, () -> receiver.requests().size() >= 4);
      Thread.sleep(2_000);

      // then
      assertThat(whileDown.getOrDefault(0, 0L)).isZero();
      assertThat(keys(receiver)).containsExactly("a-1", "a-2", "a-3", "a-4");
      assertThat(f.committed()).containsEntry(0, f.endOffset(0));
    }
  }

  @Test
  void shouldParkAnAlertWithTheReasonWhenTheReceiverAnswers500ForEver() throws Exception {
    // given a receiver failing with 500, and retries given up after 3 s
    try (RecordingServer receiver = RecordingServer.start(0); ServiceFixture f = new ServiceFixture(dir, webhookRoutes(receiver))) {
      receiver.answer(500);
      f.start(new DeliverySettings(Duration.ZERO, 600, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(3)));

      // when
      f.publish(0, Alerts.alert("a-1", "critical"));
      f.publish(0, Alerts.alert("a-2", "critical"));
      await("a dead letter", PATIENCE, () -> !f.deadLetters().isEmpty());
      receiver.answer(200);
      long end = f.endOffset(0);
      await("the commit after the next alert", PATIENCE, () -> Long.valueOf(end).equals(uncheckedCommitted(f).get(0)));

      // then
      List<AlertDeadLetter> parked = f.deadLetters();
      assertThat(parked).hasSize(1);
      AlertDeadLetter dead = parked.get(0);
      assertThat(dead.getAlert().getAlertId()).isEqualTo("a-1");
      assertThat(dead.getChannel()).isEqualTo("ops-hook");
      assertThat(dead.getDelivery()).isEqualTo("alert");
      assertThat(dead.getAttempts()).isGreaterThanOrEqualTo(3);
      assertThat(dead.getLastError()).startsWith("HTTP 500: failing on purpose (gave up after ");
      assertThat(dead.getSourceTopic()).isEqualTo(f.alerts);
      assertThat(dead.getSourceOffset()).isZero();
      assertThat(keys(receiver)).endsWith("a-2");
      assertThat(f.metrics().count(AlertingMetrics.DEAD_LETTERED, "ops-hook")).isEqualTo(1);
    }
  }

  @Test
  void shouldHoldInfoAlertsInADigestAndRateLimitAFloodWhileACriticalAlertGoesThrough() throws Exception {
    // given 6 notifications a minute and a 3-second digest
    try (RecordingServer receiver = RecordingServer.start(0); ServiceFixture f = new ServiceFixture(dir, webhookRoutes(receiver))) {
      f.start(new DeliverySettings(Duration.ofSeconds(3), 6, Duration.ofMillis(200), Duration.ofSeconds(1),
          Duration.ofMinutes(5)));

      // when a flood comes: 30 info and 10 warning alerts of one budget, then a critical one of another
      List<Alert> flood = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        flood.add(Alerts.alert("info-" + i, "info"));
      }
      for (int i = 0; i < 10; i++) {
        flood.add(Alerts.alert("warning-" + i, "warning"));
      }
      f.publishAll(0, flood);
      f.publish(1, Alerts.threshold("critical-1", "critical").setBudgetId("globex-month").build());
      await("the digest", PATIENCE, () -> receiver.requests().stream().anyMatch(r -> r.json().get("type").asText().equals("digest")));
      Thread.sleep(1_000);
      List<RecordingServer.Request> arrived = receiver.requests();
      List<String> warnings = arrived.stream().map(r -> r.header("Idempotency-Key")).filter(k -> k.startsWith("warning-")).toList();
      await("the commit up to the first warning held back", PATIENCE,
          () -> Long.valueOf(30 + warnings.size()).equals(uncheckedCommitted(f).get(0)));

      // then
      List<JsonNode> digests = arrived.stream().map(RecordingServer.Request::json)
          .filter(j -> j.get("type").asText().equals("digest")).toList();
      assertThat(digests).hasSize(1);
      assertThat(digests.get(0).get("alerts").findValuesAsText("alert_id")).hasSize(30).startsWith("info-0", "info-1");
      assertThat(keys(receiver)).contains("critical-1");
      assertThat(warnings).as("the burst of one minute's rate (less what the critical alert took), then nothing for 10 s")
          .hasSizeBetween(5, 6).startsWith("warning-0", "warning-1", "warning-2", "warning-3", "warning-4");
      assertThat(arrived.stream().map(r -> r.header("Idempotency-Key")).filter(k -> k.startsWith("info-"))).isEmpty();
    }
  }

  @Test
  void shouldResolveThePagerDutyIncidentWhenTheBudgetPeriodEndsAcrossARestart() throws Exception {
    // given an alert whose budget period ends in 8 s
    try (RecordingServer pd = RecordingServer.start(0); ServiceFixture f = new ServiceFixture(dir, """
        {"channels": [{"name": "pd", "type": "pagerduty", "url": "%s", "routing_key": "R0UT1NG"}],
         "routes": [{"channels": ["pd"]}]}
        """.formatted(pd.url("/v2/enqueue")))) {
      pd.answer(202);
      Instant end = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
      Alert alert = Alerts.threshold("acme-day/today/threshold-90", "critical").setPeriodEnd(end).build();
      f.start(QUICK);

      // when the service is stopped after the trigger and started again before the period ends
      f.publish(0, alert);
      await("the trigger", PATIENCE, () -> pd.requests().size() == 1);
      f.stopCleanly();
      Map<String, Alert> openWhileStopped = f.openIncidents();
      f.start(QUICK);
      await("the resolve", PATIENCE, () -> pd.requests().size() == 2);

      // then
      assertThat(openWhileStopped).containsOnlyKeys("pd|acme-day/today/threshold-90");
      JsonNode resolve = pd.requests().get(1).json();
      assertThat(resolve.get("event_action").asText()).isEqualTo("resolve");
      assertThat(resolve.get("dedup_key").asText()).isEqualTo("acme-day/today/threshold-90");
      assertThat(pd.requests().get(1).at()).isAfterOrEqualTo(end);
      await("the incident closed", PATIENCE, () -> f.openIncidents().isEmpty());
    }
  }

  private static Map<Integer, Long> uncheckedCommitted(ServiceFixture f) {
    try {
      return f.committed();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
