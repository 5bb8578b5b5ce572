package dev.tollgate.processor.budget;

import dev.tollgate.config.Env;
import java.time.Duration;

/** A surge of rejected events: at least {@code threshold} rejections within {@code window}. */
public record RejectSurgeSettings(Duration window, int threshold) {
  public static final String WINDOW = "TOLLGATE_REJECT_SURGE_WINDOW";
  public static final String THRESHOLD = "TOLLGATE_REJECT_SURGE_THRESHOLD";

  public static final RejectSurgeSettings DEFAULTS = new RejectSurgeSettings(Duration.ofMinutes(1), 100);

  public RejectSurgeSettings {
    if (window == null || window.toSeconds() < 1 || window.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException(WINDOW + " must be a whole number of seconds, at least one, got " + window);
    }
    if (threshold < 1) {
      throw new IllegalArgumentException(THRESHOLD + " must be at least 1, got " + threshold);
    }
  }

  public static RejectSurgeSettings fromEnv(Env env) {
    return new RejectSurgeSettings(env.duration(WINDOW, DEFAULTS.window()), env.integer(THRESHOLD, DEFAULTS.threshold()));
  }
}
