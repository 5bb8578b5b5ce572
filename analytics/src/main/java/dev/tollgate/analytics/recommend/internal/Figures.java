package dev.tollgate.analytics.recommend.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Ratios shown as evidence: not money, but decimals so that they print the same everywhere. */
final class Figures {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Figures() {}

  /** {@code total / count} to one decimal; 0 when there is nothing to divide by. */
  static BigDecimal average(long total, long count) {
    return count == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(count), 1, RoundingMode.HALF_EVEN);
  }

  /** {@code part} in percent of {@code whole}, to two decimals; 0 when the whole is 0. */
  static BigDecimal percent(long part, long whole) {
    return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
  }

  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? BigDecimal.ZERO : part.multiply(HUNDRED).divide(whole, 2, RoundingMode.HALF_EVEN);
  }

  /** As written in a sentence: {@code 500}, not {@code 500.0}. */
  static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /** {@code amount * pct / 100}, exact. */
  static BigDecimal share(BigDecimal amount, BigDecimal pct) {
    return amount.multiply(pct).movePointLeft(2);
  }
}
