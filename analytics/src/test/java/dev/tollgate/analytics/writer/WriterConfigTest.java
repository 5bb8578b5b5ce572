package dev.tollgate.analytics.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.config.Env;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriterConfigTest {

  @Test
  void shouldDefaultToTheLocalStack() {
    // when
    WriterConfig config = WriterConfig.fromEnv(new Env(Map.of()));

    // then
    assertThat(config.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
    assertThat(config.groupId()).isEqualTo("tollgate-clickhouse-writer");
    assertThat(config.topic()).isEqualTo("tollgate.usage.priced");
    assertThat(config.clickHouseUrl()).isEqualTo("http://127.0.0.1:8123");
    assertThat(config.clickHouseUser()).isEqualTo("tollgate_writer");
    assertThat(config.clickHousePassword()).isEmpty();
    assertThat(config.database()).isEqualTo("tollgate");
    assertThat(config.batchRows()).isEqualTo(50_000);
    assertThat(config.flushInterval()).isEqualTo(Duration.ofMillis(1000));
    assertThat(config.retryMax()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void shouldTakeOverridesFromTheEnvironment() {
    // given
    Env env = new Env(Map.of(
        "TOLLGATE_WRITER_GROUP", "w2",
        "TOLLGATE_WRITER_TOPIC", "priced-test",
        "TOLLGATE_WRITER_BATCH_ROWS", "1000",
        "TOLLGATE_WRITER_FLUSH_MS", "50",
        "TOLLGATE_WRITER_RETRY_MAX_MS", "2000",
        "TOLLGATE_CLICKHOUSE_DATABASE", "analytics"));

    // when
    WriterConfig config = WriterConfig.fromEnv(env);

    // then
    assertThat(config.groupId()).isEqualTo("w2");
    assertThat(config.topic()).isEqualTo("priced-test");
    assertThat(config.batchRows()).isEqualTo(1000);
    assertThat(config.flushInterval()).isEqualTo(Duration.ofMillis(50));
    assertThat(config.retryMax()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.database()).isEqualTo("analytics");
  }

  @Test
  void shouldWriteAsItsOwnUserWhateverUserTheCommandsUse() {
    // given
    Env commandsOnly = new Env(Map.of("TOLLGATE_CLICKHOUSE_USER", "ops", "TOLLGATE_CLICKHOUSE_PASSWORD", "ops-secret"));
    Env writerToo = new Env(Map.of("TOLLGATE_CLICKHOUSE_USER", "ops", "TOLLGATE_CLICKHOUSE_PASSWORD", "ops-secret",
        "TOLLGATE_WRITER_CLICKHOUSE_USER", "ingest", "TOLLGATE_WRITER_CLICKHOUSE_PASSWORD", "ingest-secret"));

    // when
    WriterConfig byDefault = WriterConfig.fromEnv(commandsOnly);
    WriterConfig overridden = WriterConfig.fromEnv(writerToo);

    // then
    assertThat(byDefault.clickHouseUser()).isEqualTo("tollgate_writer");
    assertThat(byDefault.clickHousePassword()).isEmpty();
    assertThat(overridden.clickHouseUser()).isEqualTo("ingest");
    assertThat(overridden.clickHousePassword()).isEqualTo("ingest-secret");
  }

  @Test
  void shouldRefuseABatchSizeBelowOneNamingTheVariable() {
    // given
    Env env = new Env(Map.of("TOLLGATE_WRITER_BATCH_ROWS", "0"));

    // then
    assertThatThrownBy(() -> WriterConfig.fromEnv(env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TOLLGATE_WRITER_BATCH_ROWS");
  }

  @Test
  void shouldReadOnlyCommittedTransactionsAndNeverCommitOnItsOwn() {
    // given
    WriterConfig config = WriterConfig.fromEnv(new Env(Map.of("TOLLGATE_WRITER_GROUP", "w3")));

    // when
    var properties = config.consumerProperties();

    // then
    assertThat(properties).containsEntry("isolation.level", "read_committed")
        .containsEntry("enable.auto.commit", "false")
        .containsEntry("group.id", "w3")
        .containsEntry("bootstrap.servers", "127.0.0.1:9092");
  }
}
