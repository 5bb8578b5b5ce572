package dev.tollgate.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.config.Env;
import dev.tollgate.processor.internal.DedupRocksDBConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.Options;

class ProcessorConfigTest {

  @Test
  void shouldDefaultToTheLocalStack() {
    // when
    ProcessorConfig config = ProcessorConfig.fromEnv(new Env(Map.of()));

    // then
    assertThat(config.applicationId()).isEqualTo("tollgate-processor");
    assertThat(config.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    assertThat(config.stateDir()).isEqualTo(Path.of(".tollgate/state/processor").toAbsolutePath());
    assertThat(config.streamThreads()).isEqualTo(1);
    assertThat(config.commitInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(config.dedupHorizon()).isEqualTo(Duration.ofDays(7));
    assertThat(config.priceFallback()).isEqualTo(PriceFallback.dearest());
  }

  @Test
  void shouldReadEveryVariable() {
    // given
    Env env = new Env(Map.of(
        "TOLLGATE_PROCESSOR_APP_ID", "pricing-b",
        "TOLLGATE_KAFKA_BOOTSTRAP", "kafka-1:9093",
        "TOLLGATE_STATE_DIR", "/var/lib/tollgate/processor",
        "TOLLGATE_PROCESSOR_THREADS", "2",
        "TOLLGATE_PROCESSOR_COMMIT_MS", "250",
        "TOLLGATE_DEDUP_HORIZON", "P14D",
        "TOLLGATE_PRICE_FALLBACK", "openai/gpt-4o",
        "TOLLGATE_KAFKA_COMPRESSION", "zstd"));

    // when
    ProcessorConfig config = ProcessorConfig.fromEnv(env);

    // then
    assertThat(config).isEqualTo(new ProcessorConfig("pricing-b", "kafka-1:9093", Path.of("/var/lib/tollgate/processor"),
        2, Duration.ofMillis(250), Duration.ofDays(14), new PriceFallback.FixedModel("openai", "gpt-4o"), "zstd"));
  }

  @Test
  void shouldNameTheVariableOfAnUnreadableValue() {
    // when / then
    assertThatThrownBy(() -> ProcessorConfig.fromEnv(new Env(Map.of("TOLLGATE_PRICE_FALLBACK", "cheapest"))))
        .hasMessageContaining("TOLLGATE_PRICE_FALLBACK");
    assertThatThrownBy(() -> ProcessorConfig.fromEnv(new Env(Map.of("TOLLGATE_DEDUP_HORIZON", "7 days"))))
        .hasMessageContaining("TOLLGATE_DEDUP_HORIZON");
    assertThatThrownBy(() -> ProcessorConfig.fromEnv(new Env(Map.of("TOLLGATE_PROCESSOR_THREADS", "0"))))
        .hasMessageContaining("TOLLGATE_PROCESSOR_THREADS");
  }

  @Test
  void shouldConfigureExactlyOnceWithoutDefaultSerdes() {
    // given
    ProcessorConfig config = ProcessorConfig.fromEnv(new Env(Map.of()));

    // when
    Properties props = config.streamsProperties();

    // then
    assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
        .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "tollgate-processor")
        .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1)
        .containsEntry(StreamsConfig.producerPrefix("compression.type"), "none")
        .doesNotContainKeys(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG);
    assertThat(new StreamsConfig(props).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
  }

  @Test
  void shouldGiveTheDedupStoreBloomFiltersOnEveryLevel() {
    // given
    Properties props = ProcessorConfig.fromEnv(new Env(Map.of())).streamsProperties();
    Object setter = props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG);

    // when: the setter is applied as Kafka Streams applies it, after its own optimize_filters_for_hits
    try (Options options = new Options().setOptimizeFiltersForHits(true)) {
      new DedupRocksDBConfig().setConfig(PricingTopology.DEDUP_STORE + ".1764460800000", options, Map.of());

      // then
      assertThat(setter).isEqualTo(DedupRocksDBConfig.class);
      assertThat(options.optimizeFiltersForHits()).isFalse();
    }
  }

  @Test
  void shouldGiveTheDedupStoreMemtablesAWholeKeyBloomFilter() {
    // given: RocksDB's defaults, which have no memtable filter
    try (Options options = new Options()) {
      assertThat(options.memtablePrefixBloomSizeRatio()).isZero();

      // when
      new DedupRocksDBConfig().setConfig(PricingTopology.DEDUP_STORE + ".1764460800000", options, Map.of());

      // then: whole keys, since a lookup asks for one exact id
      assertThat(options.memtableWholeKeyFiltering()).isTrue();
      assertThat(options.memtablePrefixBloomSizeRatio()).isPositive();
    }
  }
}
