package dev.tollgate.ingest.gateway;

import dev.tollgate.config.Env;
import java.time.Duration;

/**
 * How the HTTP gateway listens, where it sends events and the limits it keeps.
 *
 * @param port 0 picks a free port (tests)
 * @param maxBatchItems events one {@code POST /v1/events} may carry
 * @param maxBodyBytes the largest request body; larger ones get 413
 * @param ackTimeout how long a request waits for Kafka to acknowledge its events before the answer is
 *     503; also the producer's delivery timeout
 * @param maxInFlightRequests event requests handled at once; more get 429
 * @param maxInFlightBytes request bytes held at once by event requests; more get 429
 * @param retryAfter what {@code Retry-After} says on 429 and 503, in whole seconds
 * @param allowAdjustments whether keys may send adjustments (credits, refunds), which lower a tenant's spend
 */
public record GatewayConfig(
    String host,
    int port,
    String bootstrap,
    String compression,
    int maxBatchItems,
    int maxBodyBytes,
    Duration ackTimeout,
    int maxInFlightRequests,
    long maxInFlightBytes,
    Duration retryAfter,
    boolean allowAdjustments) {

  public static final String HOST = "TOLLGATE_GATEWAY_HOST";
  public static final String PORT = "TOLLGATE_GATEWAY_PORT";
  public static final String MAX_BATCH = "TOLLGATE_GATEWAY_MAX_BATCH";
  public static final String MAX_BODY_BYTES = "TOLLGATE_GATEWAY_MAX_BODY_BYTES";
  public static final String ACK_TIMEOUT = "TOLLGATE_GATEWAY_ACK_TIMEOUT";
  public static final String MAX_IN_FLIGHT = "TOLLGATE_GATEWAY_MAX_IN_FLIGHT";
  public static final String MAX_IN_FLIGHT_BYTES = "TOLLGATE_GATEWAY_MAX_IN_FLIGHT_BYTES";
  public static final String RETRY_AFTER = "TOLLGATE_GATEWAY_RETRY_AFTER";
  public static final String ALLOW_ADJUSTMENTS = "TOLLGATE_GATEWAY_ALLOW_ADJUSTMENTS";

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final int DEFAULT_MAX_BATCH = 1_000;
  public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(5);
  public static final int DEFAULT_MAX_IN_FLIGHT = 256;
  public static final long DEFAULT_MAX_IN_FLIGHT_BYTES = 32L * 1024 * 1024;
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
  private static final Duration MIN_ACK_TIMEOUT = Duration.ofMillis(500);

  public GatewayConfig {
    require(host != null && !host.isBlank(), HOST + " must name an address to listen on, such as 127.0.0.1");
    require(port >= 0 && port <= 65_535, PORT + " must be a TCP port (0 for any free one), got " + port);
    require(bootstrap != null && !bootstrap.isBlank(), Env.KAFKA_BOOTSTRAP + " must name at least one Kafka broker");
    require(compression != null && !compression.isBlank(), Env.KAFKA_COMPRESSION + " must be set");
    require(maxBatchItems >= 1, MAX_BATCH + " must be at least 1, got " + maxBatchItems);
    require(maxBodyBytes >= 1024, MAX_BODY_BYTES + " must be at least 1024, got " + maxBodyBytes);
    require(ackTimeout != null && ackTimeout.compareTo(MIN_ACK_TIMEOUT) >= 0,
        ACK_TIMEOUT + " must be at least " + MIN_ACK_TIMEOUT.toMillis() + " ms, got " + ackTimeout);
    require(maxInFlightRequests >= 1, MAX_IN_FLIGHT + " must be at least 1, got " + maxInFlightRequests);
    require(maxInFlightBytes >= maxBodyBytes,
        MAX_IN_FLIGHT_BYTES + " must be at least " + MAX_BODY_BYTES + " (" + maxBodyBytes + "), got " + maxInFlightBytes);
    require(retryAfter != null && retryAfter.toSeconds() >= 1, RETRY_AFTER + " must be at least one second, got " + retryAfter);
  }

  /** The defaults for a broker: 127.0.0.1:8080, batches of up to 1,000 events and 1 MiB, 5 s for acknowledgements. */
  public static GatewayConfig defaults(String bootstrap) {
    return new GatewayConfig(DEFAULT_HOST, DEFAULT_PORT, bootstrap, "none", DEFAULT_MAX_BATCH, DEFAULT_MAX_BODY_BYTES,
        DEFAULT_ACK_TIMEOUT, DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_IN_FLIGHT_BYTES, DEFAULT_RETRY_AFTER, false);
  }

  public static GatewayConfig fromEnv() {
    return from(Env.system());
  }

  public static GatewayConfig from(Env env) {
    return new GatewayConfig(
        env.string(HOST, DEFAULT_HOST),
        env.integer(PORT, DEFAULT_PORT),
        env.kafkaBootstrap(),
        env.kafkaCompression(),
        env.integer(MAX_BATCH, DEFAULT_MAX_BATCH),
        env.integer(MAX_BODY_BYTES, DEFAULT_MAX_BODY_BYTES),
        env.duration(ACK_TIMEOUT, DEFAULT_ACK_TIMEOUT),
        env.integer(MAX_IN_FLIGHT, DEFAULT_MAX_IN_FLIGHT),
        longValue(env, MAX_IN_FLIGHT_BYTES, DEFAULT_MAX_IN_FLIGHT_BYTES),
        env.duration(RETRY_AFTER, DEFAULT_RETRY_AFTER),
        booleanValue(env, ALLOW_ADJUSTMENTS, false));
  }

  public GatewayConfig withPort(int otherPort) {
    return new GatewayConfig(host, otherPort, bootstrap, compression, maxBatchItems, maxBodyBytes, ackTimeout,
        maxInFlightRequests, maxInFlightBytes, retryAfter, allowAdjustments);
  }

  public GatewayConfig withAckTimeout(Duration timeout) {
    return new GatewayConfig(host, port, bootstrap, compression, maxBatchItems, maxBodyBytes, timeout,
        maxInFlightRequests, maxInFlightBytes, retryAfter, allowAdjustments);
  }

  public GatewayConfig withLimits(int batchItems, int bodyBytes, int inFlightRequests, long inFlightBytes) {
    return new GatewayConfig(host, port, bootstrap, compression, batchItems, bodyBytes, ackTimeout,
        inFlightRequests, inFlightBytes, retryAfter, allowAdjustments);
  }

  public GatewayConfig withAdjustments(boolean allowed) {
    return new GatewayConfig(host, port, bootstrap, compression, maxBatchItems, maxBodyBytes, ackTimeout,
        maxInFlightRequests, maxInFlightBytes, retryAfter, allowed);
  }

  /** What {@code Retry-After} says: whole seconds, rounded up. */
  public long retryAfterSeconds() {
    return (retryAfter.toMillis() + 999) / 1000;
  }

  private static long longValue(Env env, String name, long fallback) {
    String v = env.string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got \"" + v + "\"");
    }
  }

  private static boolean booleanValue(Env env, String name, boolean fallback) {
    String v = env.string(name, null);
    if (v == null) {
      return fallback;
    }
    if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new IllegalArgumentException(name + " must be true or false, got \"" + v + "\"");
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
