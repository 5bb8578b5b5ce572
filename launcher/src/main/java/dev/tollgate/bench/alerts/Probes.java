package dev.tollgate.bench.alerts;

import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.BudgetJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The probes of one run. Probe i has its own tenant with a $1 monthly budget alerting at 100%, and
 * one call that costs more than that. Its tenant, budget and event share one id, which is the key
 * of its event on the priced topic, of its spend on the budget processor's repartition topic and of
 * its alert, so every stage can be matched by key alone.
 */
final class Probes {
  static final String PROVIDER = "anthropic";
  static final String MODEL = "claude-opus-4-1";
  // $15 and $75 per million tokens in the shipped catalog: $2.25, and $1.50 from input alone.
  static final long INPUT_TOKENS = 100_000;
  static final long OUTPUT_TOKENS = 10_000;
  static final BigDecimal LIMIT_USD = money(1);
  private static final BigDecimal BACKGROUND_LIMIT_USD = money(1_000_000_000);

  private final String prefix;
  private final int count;

  Probes(String runId, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("probes must be > 0, got " + count);
    }
    this.prefix = runId + "-probe-";
    this.count = count;
  }

  int count() {
    return count;
  }

  String id(int i) {
    return prefix + i;
  }

  boolean isProbe(String key) {
    return key.startsWith(prefix);
  }

  List<Budget> budgets(Instant appliedAt) {
    return IntStream.range(0, count)
        .mapToObj(i -> budget(id(i), id(i), LIMIT_USD, List.of(money(100)), appliedAt))
        .toList();
  }

  /**
   * Budgets the background tenants never reach, so that the processor checks thresholds for every
   * background event as it would in a deployment where every tenant has a budget.
   */
  static List<Budget> backgroundBudgets(List<String> tenants, Instant appliedAt) {
    return tenants.stream()
        .map(t -> budget(t, t, BACKGROUND_LIMIT_USD, BudgetJson.DEFAULT_THRESHOLDS, appliedAt))
        .toList();
  }

  UsageEvent event(int i, Instant occurredAt) {
    return UsageEvent.newBuilder()
        .setEventId(id(i))
        .setOccurredAt(occurredAt)
        .setTenantId(id(i))
        .setUserId("alert-latency-probe")
        .setFeature("alert-latency-probe")
        .setProvider(PROVIDER)
        .setModel(MODEL)
        .setOperation("chat")
        .setInputTokens(INPUT_TOKENS)
        .setOutputTokens(OUTPUT_TOKENS)
        .build();
  }

  private static Budget budget(String budgetId, String tenantId, BigDecimal limit, List<BigDecimal> thresholds,
      Instant appliedAt) {
    return Budget.newBuilder()
        .setBudgetId(budgetId)
        .setScope(BudgetScope.newBuilder().setTenantId(tenantId).build())
        .setPeriod("month")
        .setTimezone("UTC")
        .setLimitUsd(limit)
        .setThresholdsPct(thresholds)
        .setThresholdAmountsUsd(List.of())
        .setEnforcement("soft")
        .setDegradeToModel(null)
        .setAppliedAt(appliedAt)
        .build();
  }

  private static BigDecimal money(long usd) {
    return BigDecimal.valueOf(usd).setScale(BudgetJson.MONEY_SCALE);
  }
}
