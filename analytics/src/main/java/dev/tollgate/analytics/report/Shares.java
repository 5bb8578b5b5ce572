package dev.tollgate.analytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** Shares of a total, computed in Java: 18.16 cannot put a decimal total beside grouped rows. */
public final class Shares {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Shares() {}

  /** {@code part} as a percentage of {@code whole}, one decimal, half-even; empty when the whole is zero. */
  public static Optional<BigDecimal> of(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? Optional.empty() : Optional.of(part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_EVEN));
  }
}
