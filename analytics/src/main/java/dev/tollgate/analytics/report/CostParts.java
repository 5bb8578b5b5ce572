package dev.tollgate.analytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The cost of one event split as DESIGN.md prices it: uncached input, cached input, output, audio
 * minutes, less the batch discount. The cost was rounded once, to 12 decimals; whatever that rounding
 * took is put in the last part that has a share in it (the discount, or else the audio), so the
 * parts always add up to the cost that was charged.
 */
public record CostParts(BigDecimal uncachedInputUsd, BigDecimal cachedInputUsd, BigDecimal outputUsd,
    BigDecimal audioUsd, BigDecimal batchDiscountUsd, BigDecimal costUsd) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  static CostParts of(RequestEvent e) {
    RequestEvent.Price p = e.price();
    if (p == null) {
      return new CostParts(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, e.costUsd());
    }
    BigDecimal cachedPrice = p.cachedInputPerMtok() != null ? p.cachedInputPerMtok() : p.inputPerMtok();
    BigDecimal uncached = perToken(p.inputPerMtok(), e.inputTokens() - e.cachedInputTokens());
    BigDecimal cached = perToken(cachedPrice, e.cachedInputTokens());
    BigDecimal output = perToken(p.outputPerMtok(), e.outputTokens());
    BigDecimal tokens = uncached.add(cached).add(output);
    boolean hasAudio = e.audioSeconds() != null && p.perAudioMinute() != null;
    boolean discounted = e.batch() && p.batchDiscountPct() != null;
    BigDecimal audio = !hasAudio ? BigDecimal.ZERO : discounted
        ? e.audioSeconds().multiply(p.perAudioMinute()).divide(SIXTY, e.costUsd().scale(), RoundingMode.HALF_EVEN)
        : e.costUsd().subtract(tokens);
    BigDecimal discount = discounted ? e.costUsd().subtract(tokens).subtract(audio) : BigDecimal.ZERO;
    return new CostParts(uncached, cached, output, audio, discount, e.costUsd());
  }

  private static BigDecimal perToken(BigDecimal perMtok, long tokens) {
    return perMtok.multiply(BigDecimal.valueOf(tokens)).divide(MILLION);
  }
}
