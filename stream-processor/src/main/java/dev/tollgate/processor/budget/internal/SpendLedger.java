package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The spend a tenant's budgets are measured against. Besides each budget's running total per
 * period, it keeps every team/user/feature combination's spend in 15-minute buckets, so that a
 * budget created or re-scoped mid-period starts from the spend already recorded in that period.
 * Fifteen minutes, because every time zone in use today is offset from UTC by a multiple of it, so
 * a period boundary in any zone is a bucket boundary.
 */
public final class SpendLedger {
  public static final long BUCKET_MS = 15 * 60_000L;
  private static final String SEP = "|";
  private static final long LONGEST_PERIOD_MS = 32L * 24 * 3600 * 1000;

  /** Enough for every combination a busy tenant set spends on within a few buckets. */
  static final int MAX_REMEMBERED = 50_000;

  private final KeyValueStore<String, ScopeSpend> buckets;
  private final KeyValueStore<String, PeriodState> periods;
  /**
   * Each bucket entry as this ledger last wrote it. The next event of the same combination adds to
   * it without a read from the store, which hands back a copy decoded from bytes: three strings and
   * a decimal per event, the larger part of the budget thread's work. The store stays the record:
   * every change is still written to it, and a new ledger, made whenever the task starts or
   * restores, begins with nothing remembered.
   */
  private final Map<String, ScopeSpend> written = new HashMap<>();

  public SpendLedger(KeyValueStore<String, ScopeSpend> buckets, KeyValueStore<String, PeriodState> periods) {
    this.buckets = buckets;
    this.periods = periods;
  }

  public void record(String tenantId, TenantInput.Spend spend) {
    String key = bucketPrefix(tenantId, bucketOf(spend.occurredAt())) + SEP + escape(spend.teamId())
        + SEP + escape(spend.userId()) + SEP + escape(spend.feature());
    ScopeSpend current = written.get(key);
    if (current == null) {
      current = buckets.get(key);
    }
    ScopeSpend next = current == null
        ? new ScopeSpend(spend.teamId(), spend.userId(), spend.feature(), spend.cost(), spend.occurredAt())
        : current.plus(spend.cost(), spend.occurredAt());
    buckets.put(key, next);
    remember(key, next);
  }

  private void remember(String key, ScopeSpend value) {
    if (written.size() >= MAX_REMEMBERED && !written.containsKey(key)) {
      written.clear();
    }
    written.put(key, value);
  }

  /** The budget's state in the period, or null when nothing was counted for it yet. */
  public PeriodState state(Budget budget, BudgetPeriod period) {
    return periods.get(periodKey(budget.getBudgetId(), period));
  }

  public void save(Budget budget, BudgetPeriod period, PeriodState state) {
    periods.put(periodKey(budget.getBudgetId(), period), state);
  }

  /** A fresh state holding all spend recorded in the budget's scope during the period. */
  public PeriodState opening(Budget budget, BudgetPeriod period) {
    String tenant = budget.getScope().getTenantId();
    String from = bucketPrefix(tenant, period.start().toEpochMilli());
    String to = bucketPrefix(tenant, period.end().toEpochMilli());
    BigDecimal spend = BigDecimal.ZERO;
    long lastEventAt = 0;
    try (KeyValueIterator<String, ScopeSpend> range = buckets.range(from, to)) {
      while (range.hasNext()) {
        ScopeSpend bucket = range.next().value;
        if (matches(budget.getScope(), bucket.teamId(), bucket.userId(), bucket.feature())) {
          spend = spend.add(bucket.spend());
          lastEventAt = Math.max(lastEventAt, bucket.lastEventAt());
        }
      }
    }
    return new PeriodState(spend, Set.of(), false, lastEventAt);
  }

  /**
   * Forgets the buckets that ended before {@code before}, and the period states that surely did
   * (the longest period, a month with a DST change, is under 32 days).
   */
  public int expire(long before) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, ScopeSpend> all = buckets.all()) {
      all.forEachRemaining(entry -> {
        if (bucketStartOf(entry.key) + BUCKET_MS <= before) {
          old.add(entry.key);
        }
      });
    }
    old.forEach(key -> {
      buckets.delete(key);
      written.remove(key);
    });
    List<String> oldPeriods = new ArrayList<>();
    try (KeyValueIterator<String, PeriodState> all = periods.all()) {
      while (all.hasNext()) {
        KeyValue<String, PeriodState> entry = all.next();
        if (periodStartOf(entry.key) + LONGEST_PERIOD_MS <= before) {
          oldPeriods.add(entry.key);
        }
      }
    }
    oldPeriods.forEach(periods::delete);
    return old.size() + oldPeriods.size();
  }

  public static boolean matches(BudgetScope scope, String teamId, String userId, String feature) {
    return (scope.getTeamId() == null || scope.getTeamId().equals(teamId))
        && (scope.getUserId() == null || scope.getUserId().equals(userId))
        && (scope.getFeature() == null || scope.getFeature().equals(feature));
  }

  private static long bucketOf(long at) {
    return Math.floorDiv(at, BUCKET_MS) * BUCKET_MS;
  }

  private static String bucketPrefix(String tenantId, long bucketStart) {
    return escape(tenantId) + SEP + StoreKeys.time(bucketStart);
  }

  private static long bucketStartOf(String key) {
    return Long.parseLong(key.split("\\" + SEP, -1)[1]);
  }

  private static String periodKey(String budgetId, BudgetPeriod period) {
    return budgetId + SEP + StoreKeys.time(period.start().toEpochMilli());
  }

  private static long periodStartOf(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf(SEP) + 1));
  }

  /** Ids in keys are escaped so that no value can forge a separator; null differs from "". */
  private static String escape(String value) {
    if (value == null) {
      return "\\0";
    }
    return value.replace("\\", "\\\\").replace(SEP, "\\p");
  }
}
