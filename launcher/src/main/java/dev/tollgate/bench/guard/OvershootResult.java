package dev.tollgate.bench.guard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * What one overshoot run measured.
 *
 * @param finalSpendUsd the spend of the budget's last status, once it counted every published call
 * @param settled whether that status did count every published call within the wait
 * @param callsPastLimit calls whose cost took the spend (in order of occurrence) above the limit
 * @param propagationP50Ms status propagation to the guards: receipt of a status − its last_event_at
 */
public record OvershootResult(
    int services,
    int callsPerSecondPerService,
    String model,
    boolean localAllowances,
    BigDecimal limitUsd,
    BigDecimal finalSpendUsd,
    boolean settled,
    long callsAllowed,
    long callsPastLimit,
    BigDecimal meanCallUsd,
    long durationMs,
    int propagationSamples,
    long propagationP50Ms,
    long propagationP99Ms,
    long propagationMaxMs) {

  public BigDecimal overshootUsd() {
    return finalSpendUsd.subtract(limitUsd);
  }

  public BigDecimal overshootPct() {
    return overshootUsd().multiply(BigDecimal.valueOf(100)).divide(limitUsd, 2, RoundingMode.HALF_EVEN);
  }

  public String table() {
    return String.join("\n",
        String.format(Locale.ROOT, "services (guards)         %d, each %d calls/s of %s until its guard denied", services,
            callsPerSecondPerService, model),
        "local allowances          " + (localAllowances ? "on (each guard counts the calls it allowed since its status)"
            : "off (baseline: the guards go by the statuses alone)"),
        "hard limit                $" + plain(limitUsd),
        "final spend (status)      $" + plain(finalSpendUsd) + (settled ? "" : "  (NOT settled: the status did not count every call)"),
        "overshoot                 $" + plain(overshootUsd()) + "  = " + overshootPct().toPlainString() + " % of the limit",
        String.format(Locale.ROOT, "calls                     %,d allowed, %,d past the limit (mean $%s a call)", callsAllowed,
            callsPastLimit, plain(meanCallUsd)),
        String.format(Locale.ROOT, "run                       %.1f s from first call to last denial", durationMs / 1000.0),
        String.format(Locale.ROOT, "status propagation        p50 %d ms, p99 %d ms, max %d ms  (%d receipts at the guards;"
            + " receipt − last_event_at)", propagationP50Ms, propagationP99Ms, propagationMaxMs, propagationSamples));
  }

  private static String plain(BigDecimal amount) {
    return amount.setScale(Math.min(amount.scale(), 6), RoundingMode.HALF_EVEN).toPlainString();
  }
}
