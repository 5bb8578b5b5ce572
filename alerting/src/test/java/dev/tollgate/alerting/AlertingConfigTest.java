package dev.tollgate.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.alerting.dispatch.DeliverySettings;
import dev.tollgate.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertingConfigTest {

  @Test
  void shouldDefaultToTheLocalStackAndTheRoutesFileOfTheCheckout() {
    // when
    AlertingConfig config = AlertingConfig.fromEnv(new Env(Map.of("TOLLGATE_HOME", "/opt/tollgate")));

    // then
    assertThat(config.routesFile()).isEqualTo(Path.of("/opt/tollgate/deploy/alerting/routes.json"));
    assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
    assertThat(config.groupId()).isEqualTo("tollgate-alerting");
    assertThat(config.alertsTopic()).isEqualTo("tollgate.alerts");
    assertThat(config.deadLetterTopic()).isEqualTo("tollgate.alerts.dead-letter");
    assertThat(config.incidentsTopic()).isEqualTo("tollgate.alerts.incidents");
    assertThat(config.delivery()).isEqualTo(new DeliverySettings(Duration.ofMinutes(5), 30, Duration.ofSeconds(1),
        Duration.ofMinutes(1), Duration.ofMinutes(30)));
    assertThat(config.httpTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.metricsAddress()).isEqualTo("127.0.0.1:9466");
  }

  @Test
  void shouldReadEveryVariable() {
    // given
    Map<String, String> vars = Map.of(
        "TOLLGATE_ALERT_ROUTES", "/etc/tollgate/routes.json",
        "TOLLGATE_ALERTING_GROUP", "alerting-2",
        "TOLLGATE_ALERT_DIGEST_INTERVAL", "0",
        "TOLLGATE_ALERT_RATE_PER_MINUTE", "120",
        "TOLLGATE_ALERT_RETRY_FIRST", "PT0.5S",
        "TOLLGATE_ALERT_RETRY_MAX", "PT10S",
        "TOLLGATE_ALERT_GIVE_UP_AFTER", "PT1H",
        "TOLLGATE_ALERT_HTTP_TIMEOUT", "PT3S",
        "TOLLGATE_ALERT_METRICS_ADDRESS", "off");

    // when
    AlertingConfig config = AlertingConfig.fromEnv(new Env(vars));

    // then
    assertThat(config.routesFile()).isEqualTo(Path.of("/etc/tollgate/routes.json"));
    assertThat(config.groupId()).isEqualTo("alerting-2");
    assertThat(config.delivery()).isEqualTo(new DeliverySettings(Duration.ZERO, 120, Duration.ofMillis(500),
        Duration.ofSeconds(10), Duration.ofHours(1)));
    assertThat(config.delivery().digests()).isFalse();
    assertThat(config.httpTimeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.metricsAddress()).isNull();
  }

  @Test
  void shouldNameTheVariableThatCannotBeRead() {
    // when / then
    assertThatThrownBy(() -> AlertingConfig.fromEnv(new Env(Map.of("TOLLGATE_ALERT_DIGEST_INTERVAL", "5 minutes"))))
        .hasMessageContaining("TOLLGATE_ALERT_DIGEST_INTERVAL must be an ISO-8601 duration");
    assertThatThrownBy(() -> AlertingConfig.fromEnv(new Env(Map.of("TOLLGATE_ALERT_RATE_PER_MINUTE", "0"))))
        .hasMessageContaining("rate per minute must be at least 1");
  }
}
