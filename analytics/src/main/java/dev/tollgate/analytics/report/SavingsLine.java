package dev.tollgate.analytics.report;

import java.math.BigDecimal;

/**
 * Calls of one feature that one optimization made cheaper: what they cost and what they would have
 * cost without it. {@code savingUsd} is negative when the optimization cost more than it saved.
 */
public record SavingsLine(String feature, String optimization, long calls, BigDecimal actualUsd, BigDecimal baselineUsd) {

  public BigDecimal savingUsd() {
    return baselineUsd.subtract(actualUsd);
  }

  /** The saving as a share of the baseline: "cuts cost by 75%"; empty when the baseline is zero. */
  public java.util.Optional<BigDecimal> savingPct() {
    return Shares.of(savingUsd(), baselineUsd);
  }

  SavingsLine plus(SavingsLine other, String featureName, String optimizationName) {
    return new SavingsLine(featureName, optimizationName, calls + other.calls, actualUsd.add(other.actualUsd),
        baselineUsd.add(other.baselineUsd));
  }
}
