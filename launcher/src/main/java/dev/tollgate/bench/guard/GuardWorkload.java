package dev.tollgate.bench.guard;

import dev.tollgate.ingest.guard.CallRequest;
import dev.tollgate.ingest.guard.internal.GuardFeed;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a busy guard holds: many tenants with five budgets each (the tenant's hard monthly limit, a
 * team's soft budget that degrades to a cheaper model, a team's hard daily limit, a user's hard limit
 * on one feature, a soft weekly budget on a feature), some blocked, some degrading; and calls spread
 * over the tenants, their teams, users, features and three models.
 */
final class GuardWorkload {
  static final String[] MODELS = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4-5"};
  private static final String[] FEATURES = {"chat", "summarize", "search"};
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final int tenants;
  private final Random random = new Random(42);
  private final List<BudgetStatus> hardStatuses = new ArrayList<>();

  GuardWorkload(int tenants) {
    this.tenants = tenants;
  }

  /** Fills the feed with prices and every tenant's five statuses. */
  void feed(GuardFeed feed, Instant now) {
    feed.prices(prices());
    Map<String, BudgetStatus> statuses = new LinkedHashMap<>();
    for (int t = 0; t < tenants; t++) {
      for (BudgetStatus s : budgetsOf("tenant-" + t, now)) {
        statuses.put(s.getBudgetId(), s);
        if ("hard".equals(s.getEnforcement())) {
          hardStatuses.add(s);
        }
      }
    }
    feed.statuses(statuses);
  }

  /**
   * The hard budgets' statuses again, now counting every call so far, as the processor publishes
   * them while spend moves; without this the guard's local allowances would pile up.
   */
  Map<String, BudgetStatus> hardStatusesCountingUpTo(Instant lastEventAt) {
    Map<String, BudgetStatus> refreshed = new LinkedHashMap<>();
    for (BudgetStatus s : hardStatuses) {
      refreshed.put(s.getBudgetId(), new BudgetStatus(s.getBudgetId(), s.getScope(), s.getPeriod(), s.getTimezone(),
          s.getPeriodStart(), s.getPeriodEnd(), s.getSpendUsd(), s.getLimitUsd(), s.getPercent(), s.getState(),
          s.getEnforcement(), s.getDegradeToModel(), lastEventAt, lastEventAt));
    }
    return refreshed;
  }

  int statusCount() {
    return tenants * 5;
  }

  CallRequest[] requests(int n) {
    CallRequest[] requests = new CallRequest[n];
    for (int i = 0; i < n; i++) {
      String model = MODELS[random.nextInt(MODELS.length)];
      requests[i] = new CallRequest("tenant-" + random.nextInt(tenants), "team-" + random.nextInt(4),
          "user-" + random.nextInt(10), FEATURES[random.nextInt(FEATURES.length)],
          model.startsWith("claude") ? "anthropic" : "openai", model, 200 + random.nextInt(2_000), 500);
    }
    return requests;
  }

  private List<BudgetStatus> budgetsOf(String tenant, Instant now) {
    Instant monthStart = now.minus(10, ChronoUnit.DAYS);
    Instant monthEnd = now.plus(20, ChronoUnit.DAYS);
    return List.of(
        status(tenant + "/month", scope(tenant, null, null, null), monthStart, monthEnd, "1000", fill(0.10), "hard", null),
        status(tenant + "/team-0", scope(tenant, "team-0", null, null), monthStart, monthEnd, "200", fill(0.0), "soft",
            "gpt-4o-mini"),
        status(tenant + "/team-1-day", scope(tenant, "team-1", null, null), now.minus(5, ChronoUnit.HOURS),
            now.plus(19, ChronoUnit.HOURS), "20", fill(0.05), "hard", null),
        status(tenant + "/user-0-chat", scope(tenant, null, "user-0", "chat"), monthStart, monthEnd, "50", fill(0.05), "hard",
            null),
        status(tenant + "/summarize-week", scope(tenant, null, null, "summarize"), now.minus(2, ChronoUnit.DAYS),
            now.plus(5, ChronoUnit.DAYS), "100", fill(0.0), "soft", "claude-sonnet-4-5"));
  }

  /** A share of the limit spent: blocked with the given chance, otherwise anywhere from 0 to 99%. */
  private int fill(double blockedChance) {
    return random.nextDouble() < blockedChance ? 100 + random.nextInt(10) : random.nextInt(100);
  }

  private static BudgetScope scope(String tenant, String team, String user, String feature) {
    return BudgetScope.newBuilder().setTenantId(tenant).setTeamId(team).setUserId(user).setFeature(feature).build();
  }

  private static BudgetStatus status(String id, BudgetScope scope, Instant start, Instant end, String limit, int percentSpent,
      String enforcement, String degradeTo) {
    BigDecimal limitUsd = new BigDecimal(limit).setScale(12);
    BigDecimal spend = limitUsd.multiply(BigDecimal.valueOf(percentSpent)).divide(HUNDRED, 12, RoundingMode.HALF_EVEN);
    boolean atLimit = percentSpent >= 100;
    String state = atLimit && "hard".equals(enforcement) ? "blocked"
        : percentSpent >= 90 ? (degradeTo != null ? "degrade" : "warning") : "ok";
    return BudgetStatus.newBuilder().setBudgetId(id).setScope(scope).setPeriod("month").setTimezone("UTC")
        .setPeriodStart(start).setPeriodEnd(end).setSpendUsd(spend).setLimitUsd(limitUsd)
        .setPercent(BigDecimal.valueOf(percentSpent).setScale(12)).setState(state).setEnforcement(enforcement)
        .setDegradeToModel(degradeTo).setLastEventAt(start).setUpdatedAt(start).build();
  }

  private static Map<String, PriceEntry> prices() {
    Map<String, PriceEntry> prices = new HashMap<>();
    for (PriceEntry e : List.of(price("openai", "gpt-4o", "2.50", "10.00"), price("openai", "gpt-4o-mini", "0.15", "0.60"),
        price("anthropic", "claude-sonnet-4-5", "3.00", "15.00"))) {
      prices.put(PriceKeys.of(e), e);
    }
    return prices;
  }

  private static PriceEntry price(String provider, String model, String input, String output) {
    return PriceEntry.newBuilder().setProvider(provider).setModel(model).setEffectiveFrom(Instant.parse("2024-01-01T00:00:00Z"))
        .setInputPerMtok(new BigDecimal(input).setScale(12)).setOutputPerMtok(new BigDecimal(output).setScale(12)).build();
  }
}
