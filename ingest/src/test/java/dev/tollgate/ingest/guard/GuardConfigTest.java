package dev.tollgate.ingest.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.config.Env;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardConfigTest {
  @TempDir
  Path dir;

  @Test
  void shouldDefaultToTheLocalStackWithoutTokenLimits() {
    // given / when
    GuardConfig config = GuardConfig.from(new Env(Map.of()));

    // then
    assertThat(config.bootstrap()).isEqualTo("127.0.0.1:9092");
    assertThat(config.clientId()).isEqualTo("tollgate-guard");
    assertThat(config.tiers().tierOf("acme")).isNull();
  }

  @Test
  void shouldReadTheBrokerClientIdAndTiersFileFromTheEnvironment() throws Exception {
    // given
    Path tiers = dir.resolve("tiers.json");
    Files.writeString(tiers, "{\"tiers\": {\"small\": 1000}, \"default_tier\": \"small\"}");

    // when
    GuardConfig config = GuardConfig.from(new Env(Map.of("TOLLGATE_KAFKA_BOOTSTRAP", "kafka:9092",
        "TOLLGATE_GUARD_CLIENT_ID", "search-api-guard", "TOLLGATE_GUARD_TIERS", tiers.toString())));

    // then
    assertThat(config.bootstrap()).isEqualTo("kafka:9092");
    assertThat(config.clientId()).isEqualTo("search-api-guard");
    assertThat(config.tiers().tierOf("acme").maxTokensPerRequest()).isEqualTo(1_000);
  }

  @Test
  void shouldNameTheVariableOfABadTiersFile() throws Exception {
    // given
    Path tiers = dir.resolve("tiers.json");
    Files.writeString(tiers, "{\"tiers\": {\"small\": 0}}");

    // when / then
    assertThatThrownBy(() -> GuardConfig.from(new Env(Map.of("TOLLGATE_GUARD_TIERS", tiers.toString()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("TOLLGATE_GUARD_TIERS (" + tiers + "): tiers.small: must be a whole number of tokens > 0");
  }
}
