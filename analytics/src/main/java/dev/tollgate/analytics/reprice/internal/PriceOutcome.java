package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How an event is priced, as far as {@code usage_events} keeps it: its cost, its baseline cost and
 * the price entry used. {@code priceModel} is '' and the entry's figures null when no entry was used.
 * Times are whole seconds, as the table stores them.
 */
public record PriceOutcome(BigDecimal costUsd, BigDecimal baselineCostUsd, String priceSource, String priceModel,
                           Instant priceEffectiveFrom, BigDecimal inputPerMtok, BigDecimal outputPerMtok,
                           BigDecimal cachedInputPerMtok, BigDecimal perAudioMinute, BigDecimal batchDiscountPct) {

  public PriceOutcome {
    Objects.requireNonNull(costUsd, "costUsd");
    Objects.requireNonNull(priceSource, "priceSource");
    Objects.requireNonNull(priceModel, "priceModel");
    priceEffectiveFrom = priceEffectiveFrom == null ? null : priceEffectiveFrom.truncatedTo(ChronoUnit.SECONDS);
  }

  public static PriceOutcome of(PricedUsageEvent priced) {
    PriceEntry p = priced.getPrice();
    if (p == null) {
      return new PriceOutcome(priced.getCostUsd(), priced.getBaselineCostUsd(), priced.getPriceSource(), "",
          null, null, null, null, null, null);
    }
    return new PriceOutcome(priced.getCostUsd(), priced.getBaselineCostUsd(), priced.getPriceSource(), p.getModel(),
        p.getEffectiveFrom(), p.getInputPerMtok(), p.getOutputPerMtok(), p.getCachedInputPerMtok(),
        p.getPerAudioMinute(), p.getBatchDiscountPct());
  }

  /** Equal in value: decimals compared as numbers, whatever their scale. */
  public boolean sameAs(PriceOutcome other) {
    return same(costUsd, other.costUsd)
        && same(baselineCostUsd, other.baselineCostUsd)
        && priceSource.equals(other.priceSource)
        && priceModel.equals(other.priceModel)
        && Objects.equals(priceEffectiveFrom, other.priceEffectiveFrom)
        && same(inputPerMtok, other.inputPerMtok)
        && same(outputPerMtok, other.outputPerMtok)
        && same(cachedInputPerMtok, other.cachedInputPerMtok)
        && same(perAudioMinute, other.perAudioMinute)
        && same(batchDiscountPct, other.batchDiscountPct);
  }

  /**
   * How people read the entry: {@code catalog gpt-4o from 2024-08-06, 2.5 in / 10 out per Mtok},
   * {@code unpriced}. The figures tell a corrected entry from the one it replaced.
   */
  public String label() {
    if (priceModel.isEmpty()) {
      return priceSource;
    }
    String from = priceEffectiveFrom == null ? "?" : priceEffectiveFrom.equals(priceEffectiveFrom.truncatedTo(ChronoUnit.DAYS))
        ? priceEffectiveFrom.toString().substring(0, 10) : priceEffectiveFrom.toString();
    return priceSource + " " + priceModel + " from " + from + ", " + plain(inputPerMtok) + " in / " + plain(outputPerMtok)
        + " out per Mtok";
  }

  private static String plain(BigDecimal value) {
    return value == null ? "?" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
