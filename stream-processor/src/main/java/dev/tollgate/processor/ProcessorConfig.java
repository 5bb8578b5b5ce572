package dev.tollgate.processor;

import dev.tollgate.config.Env;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

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

  /** The configuration of the KafkaStreams client. No default serdes: every operator names its own. */
  public Properties streamsProperties() {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streamThreads);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // The local stack has one broker; deployments with more raise it through their own config.
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    // Order across the raw and repartition partitions of a task does not matter (dedup runs on
    // processing time, prices come from a global store), so never hold a task back to align them.
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    // Raw values are read as bytes and judged by the topology; only a corrupt price record can fail
    // to deserialize, and skipping it (logged) beats halting all pricing on every restart.
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    // Runs the processing exception handler (default: log and fail) on the global thread too, as
    // Kafka 5.0 will by default, so that an upgrade does not change behaviour.
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), compression);
    // 256 KiB batches: a priced event is ~300 bytes, so one batch holds a few ms of peak traffic.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    // Wait for 64 KiB or 50 ms per fetch: fewer, fuller fetches under load, little added latency when idle.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 64 * 1024);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 4 * 1024 * 1024);
    return p;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
