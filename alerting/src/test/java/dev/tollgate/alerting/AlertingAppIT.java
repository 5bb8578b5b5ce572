package dev.tollgate.alerting;

import static dev.tollgate.alerting.testing.RecordingServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.alerting.receiver.WebhookReceiver;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.stack.Ports;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service started as users start it: its own JVM, configured by environment variables. */
class AlertingAppIT {
  @TempDir
  Path dir;

  @Test
  void shouldRefuseToStartOnAMalformedRoutesFileNamingTheLineAndField() throws Exception {
    // given a routes file whose second channel has no url
    Path routes = Files.writeString(dir.resolve("routes.json"), """
        {"channels": [
          {"name": "ops-hook", "type": "webhook", "url": "http://127.0.0.1:9999/hook"},
          {"name": "slack", "type": "slack"}],
         "routes": [{"channels": ["ops-hook", "slack"]}]}
        """);
    ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), AlertingApp.class.getName()))
        .redirectErrorStream(true);
    pb.environment().put(AlertingConfig.ROUTES, routes.toString());
    pb.environment().put("TOLLGATE_KAFKA_BOOTSTRAP", "127.0.0.1:1");

    // when
    Process process = pb.start();
    boolean exited = process.waitFor(60, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    // then
    assertThat(exited).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output).contains("alerting: invalid routes file " + routes)
        .contains(routes + " line 3, column 3: channels[1].url: is missing; the Slack incoming-webhook URL");
  }

  @Test
  void shouldFlushTheHeldDigestAndCommitEverythingWhenStoppedWithSigterm() throws Exception {
    // given the local webhook receiver, and the service as a process holding info alerts for an hour
    int metricsPort = Ports.free();
    try (WebhookReceiver receiver = WebhookReceiver.start(new InetSocketAddress("127.0.0.1", 0), "change-me", null);
         ServiceFixture topics = new ServiceFixture(dir, "{}")) {
      Path routes = Files.writeString(dir.resolve("process-routes.json"), """
          {"channels": [{"name": "ops-hook", "type": "webhook", "url": "http://127.0.0.1:%d/hook", "secret": "change-me"}],
           "routes": [{"channels": ["ops-hook"]}]}
          """.formatted(receiver.port()));
      ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), AlertingApp.class.getName()))
          .redirectErrorStream(true).redirectOutput(dir.resolve("alerting.log").toFile());
      pb.environment().putAll(Map.of("TOLLGATE_KAFKA_BOOTSTRAP", topics.bootstrap, AlertingConfig.ROUTES, routes.toString(),
          AlertingConfig.GROUP, topics.group, AlertingConfig.DIGEST_INTERVAL, "PT1H",
          AlertingConfig.METRICS_ADDRESS, "127.0.0.1:" + metricsPort));
      topics.createDefaultAlertsTopic();
      Process process = pb.start();
      try {
        topics.publishTo("tollgate.alerts", 0, List.of(Alerts.alert("info-1", "info"), Alerts.alert("info-2", "info"),
            Alerts.alert("warning-1", "warning")));
        await("the warning", Duration.ofSeconds(60), () -> receiver.received().size() == 1);
        await("the delivery counted", Duration.ofSeconds(10), () -> scrape(metricsPort)
            .contains("tollgate_alerting_delivered_total{channel=\"ops-hook\",type=\"webhook\"} 1"));

        // when
        process.destroy();
        boolean exited = process.waitFor(40, TimeUnit.SECONDS);

        // then
        assertThat(exited).isTrue();
        List<JsonNode> received = receiver.received();
        assertThat(received).extracting(n -> n.get("type").asText()).containsExactly("alert", "digest");
        assertThat(received.get(1).get("alerts").findValuesAsText("alert_id")).containsExactly("info-1", "info-2");
        assertThat(topics.committedOf("tollgate.alerts")).containsEntry(0, topics.endOffsetOf("tollgate.alerts", 0));
      } finally {
        process.destroyForcibly();
      }
    }
  }

  private static String scrape(int port) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (Exception e) {
      return "";
    }
  }
}
