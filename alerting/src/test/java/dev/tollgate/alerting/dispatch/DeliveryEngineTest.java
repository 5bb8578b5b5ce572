package dev.tollgate.alerting.dispatch;

import static dev.tollgate.alerting.dispatch.EngineFixture.SETTINGS;
import static dev.tollgate.alerting.dispatch.EngineFixture.partition;
import static dev.tollgate.alerting.dispatch.EngineFixture.webhooks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.alerting.channel.DeliveryResult;
import dev.tollgate.alerting.metrics.AlertingMetrics;
import dev.tollgate.alerting.routes.WebhookSpec;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.alerting.testing.ScriptedChannel;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import dev.tollgate.schemas.avro.BudgetScope;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class DeliveryEngineTest {

  private static ScriptedChannel webhook(String name) {
    return new ScriptedChannel(new WebhookSpec(name, URI.create("http://127.0.0.1:9/" + name), null, Map.of(), null, true));
  }

  @Test
  void shouldCommitAnAlertOnlyOnceEveryChannelOfItsRouteAcceptedIt() {
    // given a second channel that answers 503 once
    ScriptedChannel other = webhook("other").then(DeliveryResult.retry("HTTP 503"));
    EngineFixture f = new EngineFixture(webhooks("hook", "other"), SETTINGS, Map.of("other", other));
    f.publish(0, 0, Alerts.alert("a-1", "warning"));

    // when
    f.step();
    OffsetAndMetadata afterFirstAttempt = f.commitOf(0);
    f.runFor(Duration.ofSeconds(2));

    // then
    assertThat(afterFirstAttempt).isEqualTo(new OffsetAndMetadata(0, "1|a-1|hook"));
    assertThat(f.commitOf(0)).isEqualTo(new OffsetAndMetadata(1));
    assertThat(f.channel("hook").keys()).containsExactly("a-1");
    assertThat(other.keys()).containsExactly("a-1", "a-1");
    assertThat(f.metrics.count(AlertingMetrics.RETRIED, "other")).isEqualTo(1);
    assertThat(f.metrics.count(AlertingMetrics.DELIVERED, null)).isEqualTo(2);
  }

  @Test
  void shouldCommitPastATransactionMarkerOnceEveryAlertIsDoneButNotBefore() {
    // given alerts at offsets 0 and 2, the commit marker of their transaction at 1 and 3
    ScriptedChannel hook = webhook("hook").then(DeliveryResult.accepted("HTTP 200"), DeliveryResult.retry("HTTP 503"));
    EngineFixture f = new EngineFixture(webhooks("hook"), SETTINGS, Map.of("hook", hook));
    f.publish(0, 0, Alerts.alert("a-1", "warning"));
    f.publish(0, 2, Alerts.alert("a-2", "warning"));

    // when the consumer has read past the last marker
    f.engine.readUpTo(partition(0), 4);
    f.step();
    OffsetAndMetadata whileA2Fails = f.commitOf(0);
    f.runFor(Duration.ofSeconds(2));

    // then
    assertThat(whileA2Fails.offset()).isEqualTo(2);
    assertThat(f.commitOf(0)).isEqualTo(new OffsetAndMetadata(4));
  }

  @Test
  void shouldHoldLaterAlertsOfThePartitionWhileItsFirstFailsAndDeliverAllOnceInOrder() {
    // given a receiver that is down for its first four attempts
    ScriptedChannel hook = webhook("hook").then(DeliveryResult.retry("ConnectException"), DeliveryResult.retry("ConnectException"),
        DeliveryResult.retry("ConnectException"), DeliveryResult.retry("ConnectException"));
    EngineFixture f = new EngineFixture(webhooks("hook"), SETTINGS, Map.of("hook", hook));
    f.publish(0, 0, Alerts.alert("a-1", "warning"));
    f.publish(0, 1, Alerts.alert("a-2", "warning"));
    f.publish(1, 0, Alerts.alert("b-1", "warning"));

    // when
    f.step();
    List<String> whileDown = hook.keys();
    f.runFor(Duration.ofMinutes(1));

    // then a-2 waited for a-1, and each was accepted once
    assertThat(whileDown).containsExactly("a-1", "b-1");
    assertThat(hook.keys().indexOf("a-2")).isGreaterThan(hook.keys().lastIndexOf("a-1"));
    assertThat(hook.accepted()).containsExactlyInAnyOrder("a-1", "a-2", "b-1");
    assertThat(hook.accepted().indexOf("a-1")).isLessThan(hook.accepted().indexOf("a-2"));
    assertThat(f.commitOf(0)).isEqualTo(new OffsetAndMetadata(2));
    assertThat(f.deadLetters).isEmpty();
  }

  @Test
  void shouldParkAnAlertAfterTheGiveUpTimeWithChannelAttemptsAndLastErrorThenGoOn() {
    // given a receiver answering 500 for ever, and retries given up after 2 minutes
    ScriptedChannel hook = webhook("hook").always(DeliveryResult.retry("HTTP 500: boom"));
    DeliverySettings quick = new DeliverySettings(Duration.ZERO, 30, Duration.ofSeconds(1), Duration.ofSeconds(10),
        Duration.ofMinutes(2));
    EngineFixture f = new EngineFixture(webhooks("hook"), quick, Map.of("hook", hook));
    f.publish(0, 0, Alerts.alert("a-1", "critical"));
    f.publish(0, 1, Alerts.alert("a-2", "critical"));

    // when
    f.runFor(Duration.ofMinutes(3));

    // then
    AlertDeadLetter parked = f.deadLetters.get(0);
    assertThat(parked.getAlert().getAlertId()).isEqualTo("a-1");
    assertThat(parked.getChannel()).isEqualTo("hook");
    assertThat(parked.getChannelType()).isEqualTo("webhook");
    assertThat(parked.getDelivery()).isEqualTo("alert");
    assertThat(parked.getAttempts()).isGreaterThan(5);
    assertThat(parked.getLastError()).startsWith("HTTP 500: boom (gave up after ");
    assertThat(parked.getSourcePartition()).isZero();
    assertThat(parked.getSourceOffset()).isZero();
    assertThat(hook.keys()).contains("a-2");
    assertThat(f.metrics.count(AlertingMetrics.DEAD_LETTERED, "hook")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void shouldParkARefusedAlertAtOnceAndUnreadableOrUnroutedRecordsWithTheReason() {
    // given routes for tenant globex only, and a receiver refusing the body
    ScriptedChannel hook = webhook("hook").then(DeliveryResult.refused("HTTP 400: bad body"));
    String routes = """
        {"channels": [{"name": "hook", "type": "webhook", "url": "http://127.0.0.1:9/hook"}],
         "routes": [{"match": {"tenant_id": "globex"}, "channels": ["hook"]}]}
        """;
    EngineFixture f = new EngineFixture(routes, SETTINGS, Map.of("hook", hook));
    f.publish(0, 0, Alerts.threshold("g-1", "warning").setScope(BudgetScope.newBuilder()
        .setTenantId("globex").build()).build());
    f.publish(0, 1, new byte[] {1, 2, 3});
    f.publish(0, 2, Alerts.alert("a-1", "warning"));

    // when
    f.step();

    // then
    assertThat(f.deadLetters).extracting(AlertDeadLetter::getDelivery).containsExactly("alert", "unreadable", "unrouted");
    assertThat(f.deadLetters.get(0).getAttempts()).isEqualTo(1);
    assertThat(f.deadLetters.get(0).getLastError()).isEqualTo("HTTP 400: bad body");
    assertThat(f.deadLetters.get(1).getOriginalValue().array()).containsExactly(1, 2, 3);
    assertThat(f.deadLetters.get(1).getLastError()).contains("cannot decode record from tollgate.alerts");
    assertThat(f.deadLetters.get(2).getLastError()).startsWith("no route matches tenant acme, kind threshold, severity warning");
    assertThat(f.commitOf(0)).isEqualTo(new OffsetAndMetadata(3));
  }

  @Test
  void shouldHoldInfoAlertsInOneDigestPerChannelAndCommitThemOnlyOnceItIsAccepted() {
    // given
    EngineFixture f = new EngineFixture(webhooks("hook"), SETTINGS, Map.of());
    f.publish(0, 0, Alerts.alert("i-1", "info"));
    f.publish(0, 1, Alerts.alert("i-2", "info"));
    f.publish(0, 2, Alerts.alert("w-1", "warning"));
    f.publish(0, 3, Alerts.alert("i-3", "info"));

    // when
    f.step();
    List<String> beforeTheInterval = f.channel("hook").keys();
    OffsetAndMetadata heldCommit = f.commitOf(0);
    f.after(Duration.ofMinutes(5));

    // then
    assertThat(beforeTheInterval).containsExactly("w-1");
    assertThat(heldCommit.offset()).as("held alerts are not committed").isZero();
    assertThat(f.channel("hook").sent()).hasSize(2);
    assertThat(f.channel("hook").sent().get(1).alerts()).extracting(a -> a.getAlertId()).containsExactly("i-1", "i-2", "i-3");
    assertThat(f.channel("hook").sent().get(1).event()).isEqualTo("digest");
    assertThat(f.commitOf(0)).isEqualTo(new OffsetAndMetadata(4));
  }

  @Test
  void shouldRateLimitAChannelButNeverMakeAnUrgentAlertWait() {
    // given 2 notifications a minute
    String routes = """
        {"channels": [{"name": "hook", "type": "webhook", "url": "http://127.0.0.1:9/hook", "rate_per_minute": 2}],
         "routes": [{"channels": ["hook"]}]}
        """;
    EngineFixture f = new EngineFixture(routes, SETTINGS, Map.of());
    for (int i = 0; i < 5; i++) {
      f.publish(0, i, Alerts.alert("w-" + i, "warning"));
    }
    f.publish(1, 0, Alerts.alert("c-1", "critical"));

    // when
    f.step();
    List<String> atOnce = f.channel("hook").keys();
    f.runFor(Duration.ofSeconds(30));
    List<String> after30s = f.channel("hook").keys();
    f.publish(0, 5, Alerts.alert("e-1", "emergency"));
    f.step();

    // then
    assertThat(atOnce).containsExactly("w-0", "w-1", "c-1");
    assertThat(after30s).hasSize(3);
    assertThat(f.channel("hook").keys()).as("the emergency pulls the warnings queued before it along, in order")
        .containsExactly("w-0", "w-1", "c-1", "w-2", "w-3", "w-4", "e-1");
  }

  @Test
  void shouldNotSendAgainToChannelsThatTookTheAlertBeforeARestart() {
    // given an engine whose second channel failed; its commit remembers the first accepted
    ScriptedChannel failing = webhook("other").always(DeliveryResult.retry("HTTP 503"));
    EngineFixture before = new EngineFixture(webhooks("hook", "other"), SETTINGS, Map.of("other", failing));
    before.publish(0, 0, Alerts.alert("a-1", "warning"));
    before.step();
    OffsetAndMetadata committed = before.engine.commitsDue().get(partition(0));

    // when a new engine starts from that commit and reads the record again
    EngineFixture after = new EngineFixture(webhooks("hook", "other"), SETTINGS, Map.of());
    after.engine.assigned(partition(0), committed);
    after.publish(0, 0, Alerts.alert("a-1", "warning"));
    after.step();

    // then
    assertThat(before.channel("hook").keys()).containsExactly("a-1");
    assertThat(after.channel("hook").keys()).isEmpty();
    assertThat(after.channel("other").keys()).containsExactly("a-1");
    assertThat(after.commitOf(0)).isEqualTo(new OffsetAndMetadata(1));
  }

  @Test
  void shouldSendTheHeldDigestsButStartNothingNewWhenDraining() {
    // given
    ScriptedChannel hook = webhook("hook").then(DeliveryResult.retry("HTTP 503"), DeliveryResult.accepted("HTTP 200"));
    EngineFixture f = new EngineFixture(webhooks("hook"), SETTINGS, Map.of("hook", hook));
    f.publish(0, 0, Alerts.alert("i-1", "info"));
    f.publish(0, 1, Alerts.alert("i-2", "info"));
    f.publish(1, 0, Alerts.alert("w-1", "warning"));
    f.step();
    f.publish(1, 1, Alerts.alert("w-2", "warning"));

    // when
    f.engine.beginDrain();
    f.after(Duration.ofSeconds(30));

    // then the digest went out at once; w-1 failed and is not retried; w-2 is left for the next start
    assertThat(hook.keys()).containsExactly("w-1", f.channel("hook").sent().get(1).idempotencyKey());
    assertThat(hook.sent().get(1).alerts()).hasSize(2);
    assertThat(f.commitOf(0)).isEqualTo(new OffsetAndMetadata(2));
    assertThat(f.commitOf(1).offset()).isZero();
    assertThat(f.engine.busy()).isFalse();
  }
}
