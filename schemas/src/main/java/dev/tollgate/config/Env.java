package dev.tollgate.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Settings read from environment variables, each with a default for the local stack. A value that
 * cannot be read stops start-up with the variable's name and what was expected.
 */
public final class Env {
  public static final String KAFKA_BOOTSTRAP = "TOLLGATE_KAFKA_BOOTSTRAP";
  public static final String CLICKHOUSE_URL = "TOLLGATE_CLICKHOUSE_URL";
  public static final String CLICKHOUSE_USER = "TOLLGATE_CLICKHOUSE_USER";
  public static final String CLICKHOUSE_PASSWORD = "TOLLGATE_CLICKHOUSE_PASSWORD";
  public static final String CLICKHOUSE_DATABASE = "TOLLGATE_CLICKHOUSE_DATABASE";
  public static final String KAFKA_COMPRESSION = "TOLLGATE_KAFKA_COMPRESSION";

  private final Map<String, String> vars;

  public Env(Map<String, String> vars) {
    this.vars = Map.copyOf(vars);
  }

  public static Env system() {
    return new Env(System.getenv());
  }

  public String string(String name, String fallback) {
    String v = vars.get(name);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  public int integer(String name, int fallback) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, got \"" + v + "\"");
    }
  }

  /** An ISO-8601 duration such as {@code P7D} or {@code PT500MS}. */
  public Duration duration(String name, Duration fallback) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Duration.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " must be an ISO-8601 duration such as P7D or PT30S, got \"" + v + "\"");
    }
  }

  public String kafkaBootstrap() {
    return string(KAFKA_BOOTSTRAP, "127.0.0.1:9092");
  }

  /**
   * Compression of what Tollgate produces to Kafka. None by default: on the local stack everything is
   * on one machine, where compressing and decompressing costs CPU and saves nothing; across a network
   * {@code lz4} or {@code zstd} pays.
   */
  public String kafkaCompression() {
    return string(KAFKA_COMPRESSION, "none");
  }

  public String clickHouseUrl() {
    return string(CLICKHOUSE_URL, "http://127.0.0.1:8123");
  }

  public String clickHouseUser() {
    return string(CLICKHOUSE_USER, "default");
  }

  public String clickHousePassword() {
    return string(CLICKHOUSE_PASSWORD, "");
  }

  public String clickHouseDatabase() {
    return string(CLICKHOUSE_DATABASE, "tollgate");
  }
}
