package dev.tollgate.ingest.guard;

import dev.tollgate.ingest.guard.internal.GuardFeed;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A guard fed by hand, on a clock the test moves, with a small price catalog. */
final class GuardFixture {
  static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
  static final Instant MONTH_START = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant MONTH_END = Instant.parse("2026-12-01T00:00:00Z");

  final MovableClock clock = new MovableClock(NOW);
  final GuardFeed feed = new GuardFeed();
  final BudgetGuard guard;

  GuardFixture() {
    this(TokenTiers.unlimited());
  }

  GuardFixture(TokenTiers tiers) {
    guard = BudgetGuard.detached(feed, tiers, clock);
    prices(price("openai", "gpt-4o", "2024-05-13T00:00:00Z", "2.50", "10.00"),
        price("openai", "gpt-4o-mini", "2024-07-18T00:00:00Z", "0.15", "0.60"),
        price("anthropic", "claude-sonnet-4-5", "2025-09-29T00:00:00Z", "3.00", "15.00"));
  }

  void prices(PriceEntry... entries) {
    Map<String, PriceEntry> changes = new HashMap<>();
    for (PriceEntry e : entries) {
      changes.put(PriceKeys.of(e), e);
    }
    feed.prices(changes);
  }

  void statuses(BudgetStatus... statuses) {
    Map<String, BudgetStatus> changes = new HashMap<>();
    for (BudgetStatus s : statuses) {
      changes.put(s.getBudgetId(), s);
    }
    feed.statuses(changes);
  }

  void remove(String budgetId) {
    Map<String, BudgetStatus> tombstone = new HashMap<>();
    tombstone.put(budgetId, null);
    feed.statuses(tombstone);
  }

  static PriceEntry price(String provider, String model, String effectiveFrom, String input, String output) {
    return PriceEntry.newBuilder().setProvider(provider).setModel(model).setEffectiveFrom(Instant.parse(effectiveFrom))
        .setInputPerMtok(usd(input)).setOutputPerMtok(usd(output)).build();
  }

  static CallRequest call(String tenant, String team, String user, String feature, String model) {
    String provider = model.startsWith("claude") ? "anthropic" : "openai";
    return new CallRequest(tenant, team, user, feature, provider, model, 1_000, 500);
  }

  static CallRequest call(String tenant, String model) {
    return call(tenant, "search", "u1", "chat", model);
  }

  /** A status of the current month, built as the budget processor builds one. */
  static Status status(String budgetId, String tenant) {
    return new Status(budgetId, tenant);
  }

  static BigDecimal usd(String amount) {
    return new BigDecimal(amount).setScale(12);
  }

  static final class Status {
    private final BudgetStatus.Builder b;
    private final BudgetScope.Builder scope;

    private Status(String budgetId, String tenant) {
      scope = BudgetScope.newBuilder().setTenantId(tenant);
      b = BudgetStatus.newBuilder().setBudgetId(budgetId).setPeriod("month").setTimezone("UTC")
          .setPeriodStart(MONTH_START).setPeriodEnd(MONTH_END).setSpendUsd(usd("0")).setLimitUsd(usd("100"))
          .setState("ok").setEnforcement("hard").setDegradeToModel(null).setLastEventAt(null).setUpdatedAt(NOW);
    }

    Status team(String team) {
      scope.setTeamId(team);
      return this;
    }

    Status user(String user) {
      scope.setUserId(user);
      return this;
    }

    Status feature(String feature) {
      scope.setFeature(feature);
      return this;
    }

    Status spend(String spend, String limit) {
      b.setSpendUsd(usd(spend)).setLimitUsd(usd(limit));
      return this;
    }

    Status state(String state) {
      b.setState(state);
      return this;
    }

    Status soft() {
      b.setEnforcement("soft");
      return this;
    }

    Status degradeTo(String model) {
      b.setDegradeToModel(model);
      return this;
    }

    Status period(String period, Instant start, Instant end) {
      b.setPeriod(period).setPeriodStart(start).setPeriodEnd(end);
      return this;
    }

    Status lastEventAt(Instant at) {
      b.setLastEventAt(at);
      return this;
    }

    BudgetStatus build() {
      b.setScope(scope.build());
      b.setPercent(b.getSpendUsd().multiply(BigDecimal.valueOf(100)).divide(b.getLimitUsd(), 4, RoundingMode.HALF_EVEN)
          .setScale(12));
      return b.build();
    }
  }

  /** A clock that stands still until a test moves it. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    void advanceMillis(long ms) {
      now = now.plusMillis(ms);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public long millis() {
      return now.toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
