package dev.tollgate.processor.budget.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as people read them in alert messages; the alert's fields keep the exact figures. */
final class Money {
  private Money() {}

  static String usd(BigDecimal amount) {
    BigDecimal cents = amount.setScale(2, RoundingMode.HALF_EVEN);
    return (cents.signum() < 0 ? "-$" : "$") + String.format("%,.2f", cents.abs());
  }
}
