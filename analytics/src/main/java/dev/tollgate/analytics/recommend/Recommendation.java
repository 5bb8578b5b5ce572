package dev.tollgate.analytics.recommend;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * One action that would save money, on one feature of one tenant using one model.
 *
 * @param toModel the cheaper model to use instead, for {@link RecommendationKind#SWITCH_MODEL} only
 * @param monthlySavingUsd what the action saves in a 30-day month, at the usage of the window
 * @param savingPct the saving in percent of {@code affectedMonthlySpendUsd}
 * @param affectedMonthlySpendUsd what the feature's calls on this model cost in a 30-day month, at the
 *     catalog's current prices
 * @param evidence the figures of the window the saving is computed from
 * @param action what to do, in words
 */
public record Recommendation(
    RecommendationKind kind,
    String tenant,
    String feature,
    String provider,
    String model,
    Optional<String> toModel,
    BigDecimal monthlySavingUsd,
    BigDecimal savingPct,
    BigDecimal affectedMonthlySpendUsd,
    Evidence evidence,
    String action) {}
