package dev.tollgate.ingest.sdk;

import dev.tollgate.config.Env;
import java.time.Duration;

/**
 * How a {@link TollgateRecorder} reaches Kafka and how much it buffers.
 *
 * @param clientId the Kafka client id of its producer; a second recorder in the same JVM adds a number
 * @param capacity events the buffer holds; a {@code record} call that finds it full drops its event
 * @param closeTimeout how long {@link TollgateRecorder#close()} waits for buffered events to be sent
 * @param compression of what the producer sends ({@code none}, {@code lz4}, {@code zstd}, …)
 */
public record RecorderConfig(String bootstrap, String clientId, int capacity, Duration closeTimeout, String compression) {
  /** Events the buffer holds. */
  public static final String CAPACITY = "TOLLGATE_SDK_BUFFER_CAPACITY";
  /** Kafka client id of the recorder's producer. */
  public static final String CLIENT_ID = "TOLLGATE_SDK_CLIENT_ID";
  /** ISO-8601 duration {@code close()} waits for buffered events. */
  public static final String CLOSE_TIMEOUT = "TOLLGATE_SDK_CLOSE_TIMEOUT";

  public static final int DEFAULT_CAPACITY = 10_000;
  public static final String DEFAULT_CLIENT_ID = "tollgate-sdk";
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

  public RecorderConfig {
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new IllegalArgumentException("bootstrap must name at least one Kafka broker, such as 127.0.0.1:9092");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException("clientId must not be blank");
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    if (closeTimeout == null || closeTimeout.isNegative()) {
      throw new IllegalArgumentException("closeTimeout must be zero or positive, got " + closeTimeout);
    }
    if (compression == null || compression.isBlank()) {
      throw new IllegalArgumentException("compression must be set; none for no compression");
    }
  }

  /** From {@code TOLLGATE_KAFKA_BOOTSTRAP}, {@code TOLLGATE_KAFKA_COMPRESSION} and the {@code TOLLGATE_SDK_*} variables. */
  public static RecorderConfig fromEnv() {
    return from(Env.system());
  }

  public static RecorderConfig from(Env env) {
    return new RecorderConfig(env.kafkaBootstrap(), env.string(CLIENT_ID, DEFAULT_CLIENT_ID),
        env.integer(CAPACITY, DEFAULT_CAPACITY), env.duration(CLOSE_TIMEOUT, DEFAULT_CLOSE_TIMEOUT), env.kafkaCompression());
  }

  /** Defaults for a broker. */
  public static RecorderConfig of(String bootstrap) {
    return new RecorderConfig(bootstrap, DEFAULT_CLIENT_ID, DEFAULT_CAPACITY, DEFAULT_CLOSE_TIMEOUT, "none");
  }

  public RecorderConfig withCapacity(int otherCapacity) {
    return new RecorderConfig(bootstrap, clientId, otherCapacity, closeTimeout, compression);
  }

  public RecorderConfig withClientId(String otherClientId) {
    return new RecorderConfig(bootstrap, otherClientId, capacity, closeTimeout, compression);
  }

  public RecorderConfig withCloseTimeout(Duration otherTimeout) {
    return new RecorderConfig(bootstrap, clientId, capacity, otherTimeout, compression);
  }
}
