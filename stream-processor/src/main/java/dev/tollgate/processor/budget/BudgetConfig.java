package dev.tollgate.processor.budget;

import dev.tollgate.config.Env;
import dev.tollgate.processor.ProcessorConfig;
import dev.tollgate.processor.internal.StreamsDefaults;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

/** Settings of the budget processor, read from the environment with defaults for the local stack. */
public record BudgetConfig(
    String applicationId,
    String bootstrapServers,
    Path stateDir,
    Duration commitInterval,
    int partitions,
    Duration statusInterval,
    Duration retention,
    int forecastMinElapsedPct,
    AnomalySettings anomaly,
    RejectSurgeSettings rejectSurge,
    String compression) {

  public static final String APP_ID = "TOLLGATE_BUDGETS_APP_ID";
  public static final String PARTITIONS = "TOLLGATE_BUDGETS_PARTITIONS";
  public static final String STATUS_INTERVAL_MS = "TOLLGATE_BUDGET_STATUS_INTERVAL_MS";
  public static final String RETENTION = "TOLLGATE_BUDGET_RETENTION";
  public static final String FORECAST_MIN_ELAPSED_PCT = "TOLLGATE_FORECAST_MIN_ELAPSED_PCT";

  public static final String DEFAULT_APP_ID = "tollgate-budgets";
  public static final int DEFAULT_PARTITIONS = 2;
  public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofMillis(200);
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(35);
  public static final int DEFAULT_FORECAST_MIN_ELAPSED_PCT = 10;
  /** Expiry scans every stored bucket, so it runs rarely. */
  public static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

  public BudgetConfig {
    require(applicationId != null && !applicationId.isBlank(), APP_ID + " must not be blank");
    require(bootstrapServers != null && !bootstrapServers.isBlank(), Env.KAFKA_BOOTSTRAP + " must not be blank");
    require(stateDir != null, ProcessorConfig.STATE_DIR + " must be set");
    require(commitInterval != null && !commitInterval.isNegative(), ProcessorConfig.COMMIT_MS + " must be ≥ 0");
    require(partitions >= 1, PARTITIONS + " must be at least 1, got " + partitions);
    require(statusInterval != null && statusInterval.toMillis() >= 10, STATUS_INTERVAL_MS + " must be at least 10");
    // A month plus a day of lateness, at the least, or a late event could re-open a month already judged.
    require(retention != null && retention.compareTo(Duration.ofDays(32)) >= 0,
        RETENTION + " must be at least 32 days, got " + retention);
    require(forecastMinElapsedPct >= 0 && forecastMinElapsedPct <= 100,
        FORECAST_MIN_ELAPSED_PCT + " must be between 0 and 100, got " + forecastMinElapsedPct);
    require(anomaly != null, "anomaly settings must be set");
    require(rejectSurge != null, "reject surge settings must be set");
    require(compression != null && !compression.isBlank(), Env.KAFKA_COMPRESSION + " must not be blank");
  }

  /** Shares the pricing processor's bootstrap, state folder, commit interval and compression. */
  public static BudgetConfig fromEnv(Env env) {
    ProcessorConfig processor = ProcessorConfig.fromEnv(env);
    return new BudgetConfig(
        env.string(APP_ID, DEFAULT_APP_ID),
        processor.bootstrapServers(),
        processor.stateDir(),
        processor.commitInterval(),
        env.integer(PARTITIONS, DEFAULT_PARTITIONS),
        Duration.ofMillis(env.integer(STATUS_INTERVAL_MS, (int) DEFAULT_STATUS_INTERVAL.toMillis())),
        env.duration(RETENTION, DEFAULT_RETENTION),
        env.integer(FORECAST_MIN_ELAPSED_PCT, DEFAULT_FORECAST_MIN_ELAPSED_PCT),
        AnomalySettings.fromEnv(env),
        RejectSurgeSettings.fromEnv(env),
        processor.compression());
  }

  public BigDecimal forecastMinElapsedShare() {
    return BigDecimal.valueOf(forecastMinElapsedPct).movePointLeft(2);
  }

  public Properties streamsProperties() {
    return StreamsDefaults.properties(applicationId, bootstrapServers, stateDir, 1, commitInterval, compression);
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
