package dev.tollgate.analytics.recommend.internal;

import dev.tollgate.analytics.recommend.Evidence;
import dev.tollgate.analytics.recommend.RecommendationKind;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a rule found in the window, before it is scaled to a month and weighed against the thresholds.
 *
 * @param savingUsd what the action would have saved in the window
 * @param affectedUsd what the calls it touches cost in the window at the current prices
 */
public record Finding(RecommendationKind kind, GroupKey key, Optional<String> toModel, BigDecimal savingUsd,
                      BigDecimal affectedUsd, Evidence evidence, String action) {}
