package dev.tollgate.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {

  @Test
  void shouldDefaultToTheLocalStack() {
    // when
    GatewayConfig config = GatewayConfig.from(new Env(Map.of()));

    // then
    assertThat(config).isEqualTo(GatewayConfig.defaults("127.0.0.1:9092"));
    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.maxBatchItems()).isEqualTo(1_000);
    assertThat(config.maxBodyBytes()).isEqualTo(1_048_576);
    assertThat(config.ackTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.retryAfterSeconds()).isEqualTo(1);
    assertThat(config.allowAdjustments()).isFalse();
  }

  @Test
  void shouldReadEveryVariable() {
    // given
    Env env = new Env(Map.of(
        "TOLLGATE_GATEWAY_HOST", "0.0.0.0", "TOLLGATE_GATEWAY_PORT", "9080", "TOLLGATE_KAFKA_BOOTSTRAP", "k:9092",
        "TOLLGATE_GATEWAY_MAX_BATCH", "500", "TOLLGATE_GATEWAY_MAX_BODY_BYTES", "65536",
        "TOLLGATE_GATEWAY_ACK_TIMEOUT", "PT2S", "TOLLGATE_GATEWAY_MAX_IN_FLIGHT", "8",
        "TOLLGATE_GATEWAY_MAX_IN_FLIGHT_BYTES", "1000000", "TOLLGATE_GATEWAY_RETRY_AFTER", "PT3S",
        "TOLLGATE_GATEWAY_ALLOW_ADJUSTMENTS", "true"));

    // when
    GatewayConfig config = GatewayConfig.from(env);

    // then
    assertThat(config).isEqualTo(new GatewayConfig("0.0.0.0", 9080, "k:9092", "none", 500, 65_536, Duration.ofSeconds(2), 8,
        1_000_000, Duration.ofSeconds(3), true));
  }

  @Test
  void shouldNameTheVariableOfAValueItCannotUse() {
    // when / then
    assertThatThrownBy(() -> GatewayConfig.from(new Env(Map.of("TOLLGATE_GATEWAY_PORT", "http"))))
        .hasMessageContaining("TOLLGATE_GATEWAY_PORT");
    assertThatThrownBy(() -> GatewayConfig.from(new Env(Map.of("TOLLGATE_GATEWAY_ACK_TIMEOUT", "PT0.1S"))))
        .hasMessageContaining("TOLLGATE_GATEWAY_ACK_TIMEOUT");
    assertThatThrownBy(() -> GatewayConfig.from(new Env(Map.of("TOLLGATE_GATEWAY_MAX_IN_FLIGHT_BYTES", "1024"))))
        .hasMessageContaining("TOLLGATE_GATEWAY_MAX_IN_FLIGHT_BYTES");
    assertThatThrownBy(() -> GatewayConfig.from(new Env(Map.of("TOLLGATE_GATEWAY_ALLOW_ADJUSTMENTS", "yes"))))
        .hasMessageContaining("TOLLGATE_GATEWAY_ALLOW_ADJUSTMENTS");
  }
}
