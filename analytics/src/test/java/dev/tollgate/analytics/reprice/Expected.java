package dev.tollgate.analytics.reprice;

import dev.tollgate.schemas.avro.CostCorrection;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The history as it must be after re-pricing, computed in Java from the generated events: each call
 * in the range priced afresh with the corrected catalog, everything else as it was.
 */
final class Expected {
  private final List<PricedUsageEvent> before;
  private final List<PricedUsageEvent> after = new ArrayList<>();

  Expected(List<PricedUsageEvent> history, EventPricing corrected, RepriceRange range) {
    this.before = history;
    for (PricedUsageEvent priced : history) {
      UsageEvent e = priced.getEvent();
      boolean inRange = !e.getOccurredAt().isBefore(range.from()) && e.getOccurredAt().isBefore(range.to());
      after.add(inRange && !"adjustment".equals(e.getOperation()) ? corrected.price(e, Instant.EPOCH) : priced);
    }
  }

  /** As {@link StoredState#finalCostByModel()} reads it. */
  Map<String, String> costByModel() {
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    for (PricedUsageEvent p : after) {
      UsageEvent e = p.getEvent();
      BigDecimal[] s = sums.computeIfAbsent(e.getTenantId() + "|" + e.getProvider() + "|" + e.getModel(),
          k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(p.getCostUsd());
      s[1] = p.getBaselineCostUsd() == null ? s[1] : s[1].add(p.getBaselineCostUsd());
    }
    Map<String, String> out = new TreeMap<>();
    sums.forEach((k, s) -> out.put(k, StoredState.plain(s[0]) + "|" + StoredState.plain(s[1])));
    return out;
  }

  /** Events whose cost, baseline cost or price entry changed. */
  long changed() {
    long n = 0;
    for (int i = 0; i < before.size(); i++) {
      n += differs(before.get(i), after.get(i)) ? 1 : 0;
    }
    return n;
  }

  BigDecimal delta() {
    BigDecimal d = BigDecimal.ZERO;
    for (int i = 0; i < before.size(); i++) {
      d = d.add(after.get(i).getCostUsd().subtract(before.get(i).getCostUsd()));
    }
    return d;
  }

  /** New minus old cost per budget scope {@code tenant|team|user|feature}, scopes without change left out. */
  Map<String, BigDecimal> deltaByScope() {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (int i = 0; i < before.size(); i++) {
      BigDecimal d = after.get(i).getCostUsd().subtract(before.get(i).getCostUsd());
      if (d.signum() != 0) {
        UsageEvent e = before.get(i).getEvent();
        out.merge(scope(e.getTenantId(), e.getTeamId(), e.getUserId(), e.getFeature()), d, BigDecimal::add);
      }
    }
    out.values().removeIf(d -> d.signum() == 0);
    return out;
  }

  static Map<String, BigDecimal> byScope(List<CostCorrection> corrections) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (CostCorrection c : corrections) {
      out.merge(scope(c.getTenantId(), c.getTeamId(), c.getUserId(), c.getFeature()), c.getDeltaUsd(), BigDecimal::add);
    }
    out.values().removeIf(d -> d.signum() == 0);
    return out;
  }

  private static String scope(String tenant, String team, String user, String feature) {
    return String.join("|", tenant, team == null ? "" : team, user, feature);
  }

  private static boolean differs(PricedUsageEvent a, PricedUsageEvent b) {
    return a.getCostUsd().compareTo(b.getCostUsd()) != 0
        || !Objects.equals(plain(a.getBaselineCostUsd()), plain(b.getBaselineCostUsd()))
        || !a.getPriceSource().equals(b.getPriceSource())
        || !entry(a.getPrice()).equals(entry(b.getPrice()));
  }

  private static String entry(PriceEntry p) {
    return p == null ? "-" : p.getModel() + "|" + p.getEffectiveFrom() + "|" + plain(p.getInputPerMtok()) + "|"
        + plain(p.getOutputPerMtok()) + "|" + plain(p.getCachedInputPerMtok());
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : StoredState.plain(value);
  }
}
