package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.UsageSpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Spend of priced events summed per tenant, team, user, feature and minute of {@code occurred_at}:
 * everything budgets tell apart. A minute divides the ledger's 15-minute buckets and the anomaly
 * watch's minutes, so a sum counts in budgets exactly as its events one by one would.
 */
public final class SpendSums {
  private static final long MINUTE_MS = 60_000L;

  /** Hashes once and compares fields directly: a lookup per event, with ids decoded afresh each time. */
  private static final class Scope {
    private final String tenantId;
    private final String teamId;
    private final String userId;
    private final String feature;
    private final long minute;
    private final int hash;

    private Scope(String tenantId, String teamId, String userId, String feature, long minute) {
      this.tenantId = tenantId;
      this.teamId = teamId;
      this.userId = userId;
      this.feature = feature;
      this.minute = minute;
      this.hash = ((tenantId.hashCode() * 31 + Objects.hashCode(teamId)) * 31 + userId.hashCode()) * 31
          + feature.hashCode() + Long.hashCode(minute);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Scope that && hash == that.hash && minute == that.minute
          && userId.equals(that.userId) && feature.equals(that.feature) && tenantId.equals(that.tenantId)
          && Objects.equals(teamId, that.teamId);
    }
  }

  private static final class Sum {
    private BigDecimal cost;
    private long latestAt;
    private int events;

    private Sum(BigDecimal cost, long at, int events) {
      this.cost = cost;
      this.latestAt = at;
      this.events = events;
    }
  }

  private final Map<Scope, Sum> sums = new LinkedHashMap<>();

  public void add(UsageSpend spend) {
    add(spend.getTenantId(), spend.getTeamId(), spend.getUserId(), spend.getFeature(),
        spend.getOccurredAt().toEpochMilli(), spend.getCostUsd(), spend.getEvents());
  }

  public void add(String tenantId, String teamId, String userId, String feature, long occurredAt, BigDecimal cost,
      int events) {
    Scope scope = new Scope(tenantId, teamId, userId, feature, Math.floorDiv(occurredAt, MINUTE_MS));
    Sum sum = sums.get(scope);
    if (sum == null) {
      sums.put(scope, new Sum(cost, occurredAt, events));
    } else {
      sum.cost = sum.cost.add(cost);
      sum.latestAt = Math.max(sum.latestAt, occurredAt);
      sum.events = Math.addExact(sum.events, events);
    }
  }

  public int size() {
    return sums.size();
  }

  /** One record per scope and minute, each stamped with the latest occurred_at it sums; empties the sums. */
  public List<UsageSpend> drain() {
    List<UsageSpend> out = new ArrayList<>(sums.size());
    sums.forEach((scope, sum) -> out.add(UsageSpend.newBuilder()
        .setTenantId(scope.tenantId)
        .setTeamId(scope.teamId)
        .setUserId(scope.userId)
        .setFeature(scope.feature)
        .setOccurredAt(Instant.ofEpochMilli(sum.latestAt))
        .setCostUsd(sum.cost)
        .setEvents(sum.events)
        .setFallback(null)
        .build()));
    sums.clear();
    return out;
  }
}
