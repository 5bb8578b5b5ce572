package dev.tollgate.analytics.report;

import java.math.BigDecimal;

/** The calls that sent one prompt ({@code prompt_hash}), what they used and cost. */
public record PromptSpend(String promptHash, long calls, long users, long features, long inputTokens,
    long cachedInputTokens, long outputTokens, BigDecimal costUsd) {}
