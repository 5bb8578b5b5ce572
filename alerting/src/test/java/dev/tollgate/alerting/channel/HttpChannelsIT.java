package dev.tollgate.alerting.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.alerting.channel.internal.HttpPost;
import dev.tollgate.alerting.message.AlertNotice;
import dev.tollgate.alerting.message.ResolveNotice;
import dev.tollgate.alerting.message.Signature;
import dev.tollgate.alerting.routes.PagerDutySpec;
import dev.tollgate.alerting.routes.SlackSpec;
import dev.tollgate.alerting.routes.WebhookSpec;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.alerting.testing.RecordingServer;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.stack.Ports;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP channels against real HTTP receivers in this JVM. */
class HttpChannelsIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private final RecordingServer receiver = RecordingServer.start(0);
  private final HttpPost http = new HttpPost(TIMEOUT);
  private final Alert alert = Alerts.alert("acme-month/2026-03/threshold-90", "critical");

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void shouldPostASignedWebhookBodyWithTheIdempotencyKeyAndExtraHeaders() {
    // given
    WebhookChannel hook = new WebhookChannel(new WebhookSpec("ops-hook", receiver.url("/hook"), "change-me",
        Map.of("Authorization", "Bearer t0ken"), null, true), http);

    // when
    DeliveryResult result = hook.send(new AlertNotice(alert));

    // then
    assertThat(result).isEqualTo(DeliveryResult.accepted("HTTP 200: ok"));
    RecordingServer.Request request = receiver.requests().get(0);
    assertThat(request.path()).isEqualTo("/hook");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.header("Idempotency-Key")).isEqualTo("acme-month/2026-03/threshold-90");
    assertThat(request.header("X-Tollgate-Event")).isEqualTo("alert");
    assertThat(request.header("Authorization")).isEqualTo("Bearer t0ken");
    assertThat(Signature.verify("change-me", request.body(), request.header(Signature.HEADER))).isTrue();
    JsonNode body = request.json();
    assertThat(body.get("alert").get("alert_id").asText()).isEqualTo("acme-month/2026-03/threshold-90");
    assertThat(body.get("alert").get("spend_usd").asText()).isEqualTo("36");
  }

  @Test
  void shouldPostAReadableSlackMessage() {
    // given
    SlackChannel slack = new SlackChannel(new SlackSpec("slack", receiver.url("/services/T/B/X"), null, true), http);

    // when
    DeliveryResult result = slack.send(new AlertNotice(alert));

    // then
    assertThat(result.accepted()).isTrue();
    String text = receiver.requests().get(0).json().get("text").asText();
    assertThat(text).contains("*CRITICAL* threshold alert · acme-month", "*Scope:* tenant acme, team search",
        "*Spend:* $36.00 of $40.00 (90%)", "*Period:* month 2026-03");
  }

  @Test
  void shouldTriggerAndResolveAPagerDutyEventUnderTheAlertId() {
    // given PagerDuty answers 202 Accepted
    receiver.answer(202);
    PagerDutyChannel pd = new PagerDutyChannel(new PagerDutySpec("pd", receiver.url("/v2/enqueue"), "R0UT1NG",
        "tollgate", null), http);

    // when
    DeliveryResult trigger = pd.send(new AlertNotice(alert));
    DeliveryResult resolve = pd.send(new ResolveNotice(alert));

    // then
    assertThat(trigger.accepted()).isTrue();
    assertThat(resolve.accepted()).isTrue();
    JsonNode first = receiver.requests().get(0).json();
    JsonNode second = receiver.requests().get(1).json();
    assertThat(first.get("event_action").asText()).isEqualTo("trigger");
    assertThat(first.get("dedup_key").asText()).isEqualTo(alert.getAlertId());
    assertThat(first.get("payload").get("severity").asText()).isEqualTo("error");
    assertThat(second.get("event_action").asText()).isEqualTo("resolve");
    assertThat(second.get("dedup_key").asText()).isEqualTo(alert.getAlertId());
  }

  @Test
  void shouldTellAnUnreachableReceiverAndAFailingOneFromOneThatRefuses() {
    // given
    WebhookSpec nowhere = new WebhookSpec("x", URI.create("http://127.0.0.1:" + Ports.free() + "/hook"), null,
        Map.of(), null, true);
    WebhookSpec here = new WebhookSpec("y", receiver.url("/hook"), null, Map.of(), null, true);

    // when
    DeliveryResult unreachable = new WebhookChannel(nowhere, http).send(new AlertNotice(alert));
    receiver.answer(503);
    DeliveryResult failing = new WebhookChannel(here, http).send(new AlertNotice(alert));
    receiver.answer(401);
    DeliveryResult refused = new WebhookChannel(here, http).send(new AlertNotice(alert));

    // then
    assertThat(unreachable.outcome()).isEqualTo(DeliveryResult.Outcome.RETRY);
    assertThat(unreachable.detail()).contains("ConnectException");
    assertThat(failing).isEqualTo(DeliveryResult.retry("HTTP 503: failing on purpose"));
    assertThat(refused).isEqualTo(DeliveryResult.refused("HTTP 401: failing on purpose"));
  }

  @Test
  void shouldSayWhetherATestNotificationWasAccepted() {
    // given
    WebhookSpec hook = new WebhookSpec("ops-hook", receiver.url("/hook"), "change-me", Map.of(), null, true);
    PagerDutySpec pd = new PagerDutySpec("pd", receiver.url("/v2/enqueue"), "R0UT1NG", "tollgate", null);

    // when
    TestNotification.Outcome ok = TestNotification.send(hook, TIMEOUT, Instant.parse("2026-03-20T10:00:00Z"));
    TestNotification.Outcome pdOk = TestNotification.send(pd, TIMEOUT, Instant.parse("2026-03-20T10:00:00Z"));
    receiver.answer(500);
    TestNotification.Outcome failed = TestNotification.send(hook, TIMEOUT, Instant.parse("2026-03-20T10:00:00Z"));

    // then
    assertThat(ok.accepted()).isTrue();
    assertThat(receiver.requests().get(0).header("X-Tollgate-Event")).isEqualTo("test");
    assertThat(receiver.requests().get(0).json().get("alert").get("kind").asText()).isEqualTo("test");
    assertThat(pdOk.accepted()).isTrue();
    assertThat(pdOk.detail()).isEqualTo("trigger: HTTP 200: ok; resolve: HTTP 200: ok");
    assertThat(failed.accepted()).isFalse();
    assertThat(failed.detail()).isEqualTo("HTTP 500: failing on purpose");
  }
}
