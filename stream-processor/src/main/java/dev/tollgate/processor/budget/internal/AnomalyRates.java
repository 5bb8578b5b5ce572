package dev.tollgate.processor.budget.internal;

import dev.tollgate.processor.budget.AnomalySettings;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Spend over the recent window and over the baseline before it, with the lengths they cover. */
record AnomalyRates(BigDecimal recentSpend, long recentMs, BigDecimal baselineSpend, long baselineMs) {
  private static final BigDecimal HOUR_MS = BigDecimal.valueOf(3_600_000L);
  private static final int RATE_SCALE = 12;

  /** Compared as cross products, so that no rounding decides whether someone is woken. */
  boolean anomalous(AnomalySettings settings) {
    if (recentSpend.signum() <= 0) {
      return false;
    }
    boolean farAboveBaseline = recentSpend.multiply(BigDecimal.valueOf(baselineMs))
        .compareTo(settings.factor().multiply(baselineSpend).multiply(BigDecimal.valueOf(recentMs))) >= 0;
    boolean worthWaking = recentSpend.multiply(HOUR_MS)
        .compareTo(settings.minRateUsdPerHour().multiply(BigDecimal.valueOf(recentMs))) >= 0;
    return farAboveBaseline && worthWaking;
  }

  BigDecimal recentUsdPerHour() {
    return perHour(recentSpend, recentMs);
  }

  BigDecimal baselineUsdPerHour() {
    return perHour(baselineSpend, baselineMs);
  }

  private static BigDecimal perHour(BigDecimal spend, long ms) {
    return spend.multiply(HOUR_MS).divide(BigDecimal.valueOf(ms), RATE_SCALE, RoundingMode.HALF_EVEN);
  }
}
