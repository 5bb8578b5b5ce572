package dev.tollgate.analytics.reprice;

import java.math.BigDecimal;

/**
 * Changed events of one model that moved from one price entry to another, e.g. from
 * {@code fallback claude-opus-4 from 2025-05-22} to {@code catalog claude-opus-4-1 from 2025-06-01}.
 */
public record PriceChange(String provider, String model, String oldPrice, String newPrice, long events,
                          BigDecimal deltaUsd) {}
