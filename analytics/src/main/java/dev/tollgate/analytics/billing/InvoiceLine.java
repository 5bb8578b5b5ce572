package dev.tollgate.analytics.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of a tenant's invoice: the usage of one model (or feature), or one adjustment.
 * {@code costUsd} is Tollgate's exact cost; {@code amountUsd} is what is billed, cost plus markup
 * rounded to the cent. Adjustments are billed as they are, without markup.
 */
public record InvoiceLine(String tenantId, Kind kind, String item, long requests, long inputTokens,
    long cachedInputTokens, long outputTokens, BigDecimal audioMinutes, BigDecimal costUsd, BigDecimal markupUsd,
    BigDecimal amountUsd, Instant occurredAt, String reason, String reference) {

  public enum Kind { USAGE, ADJUSTMENT }
}
