package dev.tollgate.alerting.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.alerting.channel.DeliveryResult;
import dev.tollgate.alerting.channel.WebhookChannel;
import dev.tollgate.alerting.channel.internal.HttpPost;
import dev.tollgate.alerting.message.AlertNotice;
import dev.tollgate.alerting.routes.WebhookSpec;
import dev.tollgate.alerting.testing.Alerts;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookReceiverIT {
  @TempDir
  Path dir;

  @Test
  void shouldLogSignedAlertsOnceRefuseBadSignaturesAndRememberAcrossARestart() throws Exception {
    // given
    Path file = dir.resolve("received.jsonl");
    HttpPost http = new HttpPost(Duration.ofSeconds(3));
    DeliveryResult good;
    DeliveryResult repeat;
    DeliveryResult forged;
    int port;
    try (WebhookReceiver receiver = WebhookReceiver.start(new InetSocketAddress("127.0.0.1", 0), "change-me", file)) {
      port = receiver.port();
      WebhookChannel signed = channel(port, "change-me", http);
      WebhookChannel wrongSecret = channel(port, "guess", http);

      // when
      good = signed.send(new AlertNotice(Alerts.alert("a-1", "critical")));
      repeat = signed.send(new AlertNotice(Alerts.alert("a-1", "critical")));
      forged = wrongSecret.send(new AlertNotice(Alerts.alert("a-2", "critical")));

      // then
      assertThat(receiver.repeats()).isEqualTo(1);
    }
    try (WebhookReceiver again = WebhookReceiver.start(new InetSocketAddress("127.0.0.1", 0), "change-me", file)) {
      channel(again.port(), "change-me", http).send(new AlertNotice(Alerts.alert("a-1", "critical")));
      assertThat(again.repeats()).as("a repeat after the receiver restarted").isEqualTo(1);
    }

    // then
    assertThat(good.accepted()).isTrue();
    assertThat(repeat.accepted()).isTrue();
    assertThat(forged).isEqualTo(DeliveryResult.refused("HTTP 401: bad signature"));
    List<JsonNode> logged = ReceivedLog.read(file);
    assertThat(logged).hasSize(1);
    assertThat(logged.get(0).get("alert").get("alert_id").asText()).isEqualTo("a-1");
    assertThat(logged.get(0).get("received_at").asText()).isNotBlank();
  }

  private static WebhookChannel channel(int port, String secret, HttpPost http) {
    return new WebhookChannel(new WebhookSpec("ops-hook", URI.create("http://127.0.0.1:" + port + "/hook"), secret,
        Map.of(), null, true), http);
  }
}
