package dev.tollgate.alerting.dispatch;

import java.time.Duration;

/**
 * How deliveries are paced: the digest interval of info alerts (zero: no digest), the rate of a
 * channel that sets none, and the retry schedule.
 */
public record DeliverySettings(Duration digestInterval, int defaultRatePerMinute, Duration retryFirst,
    Duration retryMax, Duration giveUpAfter) {

  public DeliverySettings {
    if (digestInterval.isNegative()) {
      throw new IllegalArgumentException("the digest interval must not be negative, got " + digestInterval);
    }
    if (defaultRatePerMinute < 1) {
      throw new IllegalArgumentException("the rate per minute must be at least 1, got " + defaultRatePerMinute);
    }
    if (retryFirst.isNegative() || retryFirst.isZero() || retryMax.compareTo(retryFirst) < 0) {
      throw new IllegalArgumentException("retries need 0 < first <= max, got first " + retryFirst + ", max " + retryMax);
    }
    if (giveUpAfter.isNegative()) {
      throw new IllegalArgumentException("give-up time must not be negative, got " + giveUpAfter);
    }
  }

  public boolean digests() {
    return !digestInterval.isZero();
  }
}
