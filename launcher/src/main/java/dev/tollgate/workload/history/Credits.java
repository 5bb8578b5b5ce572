package dev.tollgate.workload.history;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.validation.UsageEventValidator;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

/** Credit notes: adjustment events with a negative amount, a reason and a billing reference. */
final class Credits {
  private static final List<String> REASONS = List.of(
      "service credit for an outage", "refund of duplicated charges", "goodwill credit",
      "committed-use discount", "correction of a mispriced batch");
  /**
   * A credit gives back one to three hundredths of a cent for each call it covers, about 1–3% of
   * what the calls cost; larger tenants get larger credits.
   */
  private static final int MIN_PER_MILLE_CENT = 10;
  private static final int MAX_PER_MILLE_CENT = 30;

  private final SplittableRandom random;
  private final String referencePrefix;
  private final long callsPerCredit;
  /** Each tenant's share of the calls, times the number of tenants, in millionths: 1,000,000 for a tenant of average size. */
  private final long[] relativeSizePpm;

  Credits(HistorySpec spec, SplittableRandom random) {
    this.random = random;
    this.referencePrefix = "CR-" + spec.month() + "-";
    this.callsPerCredit = spec.events() / Math.max(1, spec.adjustments());
    long[] weights = Population.tenantWeights(spec.tenants());
    long total = 0;
    for (long w : weights) {
      total += w;
    }
    this.relativeSizePpm = new long[weights.length];
    for (int t = 0; t < weights.length; t++) {
      relativeSizePpm[t] = weights[t] * spec.tenants() * 1_000_000 / total;
    }
  }

  UsageEvent next(String eventId, Tenant tenant, long number) {
    long perMille = MIN_PER_MILLE_CENT + random.nextInt(MAX_PER_MILLE_CENT - MIN_PER_MILLE_CENT + 1);
    long cents = Math.max(1, callsPerCredit * relativeSizePpm[tenant.index()] / 1_000_000 * perMille / 1000);
    return UsageEvent.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(tenant.rhythm().next(random))
        .setTenantId(tenant.id())
        .setTeamId(null)
        .setUserId("")
        .setFeature("")
        .setProvider("")
        .setModel("")
        .setInputTokens(0)
        .setOutputTokens(0)
        .setOperation(UsageEventValidator.ADJUSTMENT)
        .setAmountUsd(BigDecimal.valueOf(-cents, 2).setScale(12))
        .setReason(REASONS.get(random.nextInt(REASONS.size())))
        .setReference(referencePrefix + String.format("%05d", number + 1))
        .build();
  }
}
