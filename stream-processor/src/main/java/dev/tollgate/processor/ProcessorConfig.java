package dev.tollgate.processor;

import dev.tollgate.config.Env;
import dev.tollgate.processor.internal.DedupRocksDBConfig;
import dev.tollgate.processor.internal.StreamsDefaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** Settings of the stream processor, read from the environment with defaults for the local stack. */
public record ProcessorConfig(
    String applicationId,
    String bootstrapServers,
    Path stateDir,
    int streamThreads,
    Duration commitInterval,
    Duration dedupHorizon,
    PriceFallback priceFallback,
    String compression) {

  public static final String APP_ID = "TOLLGATE_PROCESSOR_APP_ID";
  public static final String STATE_DIR = "TOLLGATE_STATE_DIR";
  public static final String THREADS = "TOLLGATE_PROCESSOR_THREADS";
  public static final String COMMIT_MS = "TOLLGATE_PROCESSOR_COMMIT_MS";
  public static final String DEDUP_HORIZON = "TOLLGATE_DEDUP_HORIZON";
  public static final String PRICE_FALLBACK = "TOLLGATE_PRICE_FALLBACK";

  public static final String DEFAULT_APP_ID = "tollgate-processor";
  public static final String DEFAULT_STATE_DIR = ".tollgate/state/processor";
  public static final Duration DEFAULT_DEDUP_HORIZON = Duration.ofDays(7);
  public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

  public ProcessorConfig {
    require(applicationId != null && !applicationId.isBlank(), APP_ID + " must not be blank");
    require(bootstrapServers != null && !bootstrapServers.isBlank(), Env.KAFKA_BOOTSTRAP + " must not be blank");
    require(stateDir != null, STATE_DIR + " must be set");
    require(streamThreads >= 1, THREADS + " must be at least 1, got " + streamThreads);
    require(commitInterval != null && !commitInterval.isNegative(), COMMIT_MS + " must be ≥ 0");
    require(dedupHorizon != null && dedupHorizon.compareTo(Duration.ofMinutes(1)) >= 0,
        DEDUP_HORIZON + " must be at least one minute, got " + dedupHorizon);
    require(priceFallback != null, PRICE_FALLBACK + " must be set");
    require(compression != null && !compression.isBlank(), Env.KAFKA_COMPRESSION + " must not be blank");
  }

  public static ProcessorConfig fromEnv(Env env) {
    PriceFallback fallback;
    try {
      fallback = PriceFallback.parse(env.string(PRICE_FALLBACK, PriceFallback.DEAREST));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PRICE_FALLBACK + ": " + e.getMessage(), e);
    }
    return new ProcessorConfig(
        env.string(APP_ID, DEFAULT_APP_ID),
        env.kafkaBootstrap(),
        Path.of(env.string(STATE_DIR, DEFAULT_STATE_DIR)).toAbsolutePath(),
        env.integer(THREADS, 1),
        Duration.ofMillis(env.integer(COMMIT_MS, (int) DEFAULT_COMMIT_INTERVAL.toMillis())),
        env.duration(DEDUP_HORIZON, DEFAULT_DEDUP_HORIZON),
        fallback,
        env.kafkaCompression());
  }

  /** The configuration of the KafkaStreams client. */
  public Properties streamsProperties() {
    Properties p = StreamsDefaults.properties(applicationId, bootstrapServers, stateDir, streamThreads, commitInterval, compression);
    p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, DedupRocksDBConfig.class);
    return p;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
