package dev.tollgate.pricing;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cost of one event under one price entry (DESIGN.md, "Price catalog"). Every step is exact;
 * the result is rounded once, half-even, to {@link #SCALE} decimals. Only a per-minute price can
 * make that rounding bite (seconds / 60); token prices with up to six decimals give costs that are
 * exact at this scale.
 */
public final class CostCalculator {
  public static final int SCALE = 12;
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private CostCalculator() {}

  public static BigDecimal cost(UsageEvent event, PriceEntry price) {
    long cached = event.getCachedInputTokens();
    long uncached = event.getInputTokens() - cached;
    BigDecimal cachedPrice = price.getCachedInputPerMtok() != null ? price.getCachedInputPerMtok() : price.getInputPerMtok();
    BigDecimal tokenUsd = price.getInputPerMtok().multiply(BigDecimal.valueOf(uncached))
        .add(cachedPrice.multiply(BigDecimal.valueOf(cached)))
        .add(price.getOutputPerMtok().multiply(BigDecimal.valueOf(event.getOutputTokens())))
        .movePointLeft(6);
    BigDecimal numerator = tokenUsd.multiply(SIXTY);
    if (event.getAudioSeconds() != null && price.getPerAudioMinute() != null) {
      numerator = numerator.add(event.getAudioSeconds().multiply(price.getPerAudioMinute()));
    }
    BigDecimal denominator = SIXTY;
    if (event.getBatch() && price.getBatchDiscountPct() != null) {
      numerator = numerator.multiply(HUNDRED.subtract(price.getBatchDiscountPct()));
      denominator = denominator.multiply(HUNDRED);
    }
    return numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
  }
}
