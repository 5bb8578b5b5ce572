package dev.tollgate.analytics.reprice;

import java.math.BigDecimal;

/** The changed events of one model (the model the calls named): how many, and their costs before and after. */
public record ModelChange(String provider, String model, long events, BigDecimal oldCostUsd, BigDecimal newCostUsd,
                          BigDecimal oldBaselineCostUsd, BigDecimal newBaselineCostUsd) {

  public BigDecimal deltaUsd() {
    return newCostUsd.subtract(oldCostUsd);
  }
}
