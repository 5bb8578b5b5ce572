package dev.tollgate.processor.budget;

import dev.tollgate.config.Env;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * When a budget scope's spend rate counts as anomalous: the rate over the last {@code window} is at
 * least {@code factor} times the rate over the {@code baseline} before it, and at least
 * {@code minRateUsdPerHour}, so that a few cents more never wake anyone. Scopes are checked every
 * {@code checkInterval} when their spend moved.
 */
public record AnomalySettings(Duration window, Duration baseline, BigDecimal factor, BigDecimal minRateUsdPerHour,
    Duration checkInterval) {

  public static final String WINDOW = "TOLLGATE_ANOMALY_WINDOW";
  public static final String BASELINE = "TOLLGATE_ANOMALY_BASELINE";
  public static final String FACTOR = "TOLLGATE_ANOMALY_FACTOR";
  public static final String MIN_RATE = "TOLLGATE_ANOMALY_MIN_RATE_USD_PER_HOUR";
  public static final String CHECK_INTERVAL = "TOLLGATE_ANOMALY_CHECK_INTERVAL";

  private static final Duration MINUTE = Duration.ofMinutes(1);

  public static final AnomalySettings DEFAULTS = new AnomalySettings(Duration.ofMinutes(5), Duration.ofHours(1),
      new BigDecimal("5"), new BigDecimal("1"), Duration.ofSeconds(10));

  public AnomalySettings {
    require(wholeMinutes(window), WINDOW + " must be a whole number of minutes, at least one, got " + window);
    require(wholeMinutes(baseline) && baseline.compareTo(window) >= 0,
        BASELINE + " must be a whole number of minutes, at least " + WINDOW + ", got " + baseline);
    require(factor != null && factor.compareTo(BigDecimal.ONE) > 0, FACTOR + " must be greater than 1, got " + factor);
    require(minRateUsdPerHour != null && minRateUsdPerHour.signum() >= 0, MIN_RATE + " must be ≥ 0, got " + minRateUsdPerHour);
    require(checkInterval != null && checkInterval.toMillis() >= 100, CHECK_INTERVAL + " must be at least 100 ms, got " + checkInterval);
  }

  public static AnomalySettings fromEnv(Env env) {
    return new AnomalySettings(
        env.duration(WINDOW, DEFAULTS.window()),
        env.duration(BASELINE, DEFAULTS.baseline()),
        decimal(env, FACTOR, DEFAULTS.factor()),
        decimal(env, MIN_RATE, DEFAULTS.minRateUsdPerHour()),
        env.duration(CHECK_INTERVAL, DEFAULTS.checkInterval()));
  }

  private static BigDecimal decimal(Env env, String name, BigDecimal fallback) {
    String text = env.string(name, fallback.toPlainString());
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a decimal number, got '" + text + "'");
    }
  }

  private static boolean wholeMinutes(Duration d) {
    return d != null && d.compareTo(MINUTE) >= 0 && d.toMillis() % MINUTE.toMillis() == 0;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
