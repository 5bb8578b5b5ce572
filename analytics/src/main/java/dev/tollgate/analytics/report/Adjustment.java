package dev.tollgate.analytics.report;

import java.math.BigDecimal;
import java.time.Instant;

/** A credit (negative) or a charge: an adjustment event as ClickHouse holds it. */
public record Adjustment(String eventId, Instant occurredAt, String tenantId, String teamId, String userId,
    String feature, String provider, String model, BigDecimal amountUsd, String reason, String reference,
    long inputTokens, long cachedInputTokens, long outputTokens) {

  /** What it adds to a rollup row: tokens if it carried any, its amount, no request. */
  Usage asRollupUsage() {
    return new Usage(0, inputTokens, cachedInputTokens, outputTokens, amountUsd);
  }
}
