package dev.tollgate.analytics.recommend;

import java.math.BigDecimal;

/**
 * The thresholds of the decision rules.
 *
 * @param minSavingUsd recommendations saving less per month are not shown
 * @param minSavingPct nor those saving less than this share of the spend they touch: a change of
 *     model or pipeline that saves 2% of a feature's cost is rarely worth its risk
 * @param trimPct the share of the uncached input a prompt trim is assumed to cut
 * @param shortInputTokens a call is short when its feature's calls average at most this many input tokens
 * @param shortOutputTokens ... and at most this many output tokens
 * @param trimRatio input tokens dwarf output tokens when there are at least this many times as many
 * @param jobCallsPerRequest calls come in jobs (nobody waits on each answer) when a request averages at least this many
 */
public record RecommendRules(
    BigDecimal minSavingUsd,
    BigDecimal minSavingPct,
    BigDecimal trimPct,
    long shortInputTokens,
    long shortOutputTokens,
    long trimRatio,
    long jobCallsPerRequest) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public static final RecommendRules DEFAULTS = new RecommendRules(
      new BigDecimal("10"), new BigDecimal("5"), new BigDecimal("25"), 1_000, 250, 10, 10);

  public RecommendRules {
    if (minSavingUsd.signum() < 0) {
      throw new IllegalArgumentException("--min-saving-usd must not be negative, got " + minSavingUsd.toPlainString());
    }
    if (minSavingPct.signum() < 0 || minSavingPct.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("--min-saving-pct must be between 0 and 100, got " + minSavingPct.toPlainString());
    }
    if (trimPct.signum() <= 0 || trimPct.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("--trim-pct must be more than 0 and at most 100, got " + trimPct.toPlainString());
    }
    if (shortInputTokens < 1 || shortOutputTokens < 1 || trimRatio < 1 || jobCallsPerRequest < 2) {
      throw new IllegalArgumentException("token thresholds must be at least 1 and calls per job at least 2, got "
          + shortInputTokens + ", " + shortOutputTokens + ", " + trimRatio + ", " + jobCallsPerRequest);
    }
  }

  public RecommendRules withMinSavingUsd(BigDecimal usd) {
    return new RecommendRules(usd, minSavingPct, trimPct, shortInputTokens, shortOutputTokens, trimRatio, jobCallsPerRequest);
  }

  public RecommendRules withMinSavingPct(BigDecimal pct) {
    return new RecommendRules(minSavingUsd, pct, trimPct, shortInputTokens, shortOutputTokens, trimRatio, jobCallsPerRequest);
  }

  public RecommendRules withTrimPct(BigDecimal pct) {
    return new RecommendRules(minSavingUsd, minSavingPct, pct, shortInputTokens, shortOutputTokens, trimRatio, jobCallsPerRequest);
  }

  /** Shown when it saves at least both floors. */
  public boolean worthShowing(BigDecimal monthlySavingUsd, BigDecimal savingPct) {
    return monthlySavingUsd.compareTo(minSavingUsd) >= 0 && savingPct.compareTo(minSavingPct) >= 0;
  }
}
