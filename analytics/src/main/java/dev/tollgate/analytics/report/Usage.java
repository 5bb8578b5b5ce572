package dev.tollgate.analytics.report;

import java.math.BigDecimal;

/** What a set of events adds up to; cost is exact (scale 12). */
public record Usage(long requests, long inputTokens, long cachedInputTokens, long outputTokens, BigDecimal costUsd) {
  public static final Usage NONE = new Usage(0, 0, 0, 0, BigDecimal.ZERO);

  public Usage plus(Usage other) {
    return new Usage(requests + other.requests, inputTokens + other.inputTokens,
        cachedInputTokens + other.cachedInputTokens, outputTokens + other.outputTokens, costUsd.add(other.costUsd));
  }

  public Usage minus(Usage other) {
    return new Usage(requests - other.requests, inputTokens - other.inputTokens,
        cachedInputTokens - other.cachedInputTokens, outputTokens - other.outputTokens, costUsd.subtract(other.costUsd));
  }

  public long tokens() {
    return inputTokens + outputTokens;
  }

  public boolean isEmpty() {
    return requests == 0 && inputTokens == 0 && cachedInputTokens == 0 && outputTokens == 0 && costUsd.signum() == 0;
  }
}
