package dev.tollgate.analytics.reprice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a re-pricing run changed. Costs are totals over the changed events only, before and after;
 * baseline totals count an absent baseline as 0. {@code corrections} is the number of cost corrections
 * sent to budgets (0 in a dry run).
 */
public record RepriceResult(String runId, Instant startedAt, RepriceRange range, String catalogFingerprint,
                            boolean dryRun, long eventsScanned, long eventsChanged, BigDecimal oldCostUsd,
                            BigDecimal newCostUsd, BigDecimal oldBaselineCostUsd, BigDecimal newBaselineCostUsd,
                            long corrections, List<ModelChange> byModel, List<PriceChange> byPrice) {

  public RepriceResult {
    byModel = List.copyOf(byModel);
    byPrice = List.copyOf(byPrice);
  }

  public BigDecimal deltaUsd() {
    return newCostUsd.subtract(oldCostUsd);
  }
}
