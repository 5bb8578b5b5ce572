package dev.tollgate.ingest.guard;

import dev.tollgate.ingest.guard.Decision.Outcome;
import dev.tollgate.ingest.guard.internal.BudgetEntry;
import dev.tollgate.ingest.guard.internal.Estimator;
import dev.tollgate.ingest.guard.internal.GuardConsumer;
import dev.tollgate.ingest.guard.internal.GuardFeed;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * Asks "may I make this model call?" before a service makes it, answering from memory in
 * microseconds. A background thread reads the budget statuses the processor publishes and the price
 * catalog; {@link #check} judges a call against every budget of its tenant whose scope and current
 * period cover it, and against the tenant's token tier:
 * <ul>
 *   <li>DENY when a hard budget is used up: blocked as reported, or reported spend plus what this
 *       guard allowed since reaches the limit (see {@code LocalAllowances}); or when the call may use
 *       more tokens than the tenant's tier allows per request;</li>
 *   <li>DEGRADE when a budget is past its last threshold below 100% (or a soft one is over its limit)
 *       and names a {@code degrade_to_model} the call is not on yet; the fullest such budget decides;</li>
 *   <li>ALLOW otherwise. A status whose period has ended no longer counts.</li>
 * </ul>
 * Thread-safe; one guard per service is meant to be shared by all its threads.
 */
public final class BudgetGuard implements AutoCloseable {
  private static final AtomicInteger STARTED = new AtomicInteger();

  private final GuardFeed feed;
  private final TokenTiers tiers;
  private final Clock clock;
  private final Estimator estimator;
  private final GuardConsumer consumer;
  private final Thread thread;

  private BudgetGuard(GuardFeed feed, TokenTiers tiers, Clock clock, GuardConsumer consumer) {
    this.feed = feed;
    this.tiers = tiers;
    this.clock = clock;
    this.consumer = consumer;
    this.estimator = new Estimator(feed, clock, this::ready);
    this.thread = consumer == null ? null : new Thread(consumer, "tollgate-budget-guard");
  }

  /** Starts reading statuses and prices; see {@link #awaitReady} before the first check. */
  public static BudgetGuard start(GuardConfig config) {
    return start(config, Clock.systemUTC());
  }

  public static BudgetGuard start(GuardConfig config, Clock clock) {
    int n = STARTED.incrementAndGet();
    String clientId = n == 1 ? config.clientId() : config.clientId() + "-" + n;
    GuardFeed feed = new GuardFeed();
    BudgetGuard guard = new BudgetGuard(feed, config.tiers(), clock, new GuardConsumer(config.bootstrap(), clientId, feed));
    guard.thread.setDaemon(true);
    guard.thread.start();
    return guard;
  }

  /** A guard that knows only what {@code feed} is given, without Kafka: for tests and benchmarks. */
  public static BudgetGuard detached(GuardFeed feed, TokenTiers tiers, Clock clock) {
    return new BudgetGuard(feed, tiers, clock, null);
  }

  /**
   * Waits until the guard has read the topics up to where they ended when it started.
   *
   * @return false when that took longer than {@code timeout}
   * @throws IllegalStateException when the guard cannot read the topics at all
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return consumer == null || consumer.awaitReady(timeout);
  }

  public boolean ready() {
    return consumer == null || consumer.ready();
  }

  public Decision check(CallRequest request) {
    long now = clock.millis();
    BudgetEntry[] budgets = feed.statusIndex().forTenant(request.tenantId());
    BudgetEntry degrade = null;
    boolean hardApplies = false;
    for (BudgetEntry b : budgets) {
      if (!b.appliesTo(request, now)) {
        continue;
      }
      if (b.exhausted()) {
        return new Decision(Outcome.DENY, null, Decision.BUDGET_EXHAUSTED, b.exhaustedReason(), b.budgetId());
      }
      hardApplies |= b.hard();
      if (b.degrades(request) && (degrade == null || b.percent().compareTo(degrade.percent()) > 0)) {
        degrade = b;
      }
    }
    TokenTiers.Tier tier = tiers.tierOf(request.tenantId());
    if (tier != null && request.maxTotalTokens() > tier.maxTokensPerRequest()) {
      return tierExceeded(request, tier);
    }
    String model = degrade == null ? request.model() : degrade.degradeToModel();
    if (hardApplies) {
      grant(request, model, budgets, now);
    }
    return degrade == null
        ? new Decision(Outcome.ALLOW, model, Decision.OK, Decision.WITHIN_BUDGET, null)
        : new Decision(Outcome.DEGRADE, model, Decision.BUDGET_DEGRADED, degrade.degradedReason(), degrade.budgetId());
  }

  /** Counts the call's most expensive outcome against every hard budget it falls under. */
  private void grant(CallRequest request, String model, BudgetEntry[] budgets, long now) {
    BigDecimal estimate = feed.priceIndex().cost(request.provider(), model, request.estimatedInputTokens(),
        request.maxOutputTokens(), now);
    if (estimate == null || estimate.signum() <= 0) {
      return;
    }
    for (BudgetEntry b : budgets) {
      if (b.hard() && b.appliesTo(request, now)) {
        b.allowances().grant(now, request, estimate);
      }
    }
  }

  private static Decision tierExceeded(CallRequest r, TokenTiers.Tier tier) {
    String reason = String.format("This request may use up to %,d tokens (%,d in, %,d out), more than the %,d tokens per "
            + "request of the %s tier; shorten the prompt, lower the maximum output or ask an admin for a larger tier.",
        r.maxTotalTokens(), r.estimatedInputTokens(), r.maxOutputTokens(), tier.maxTokensPerRequest(), tier.name());
    return new Decision(Outcome.DENY, null, Decision.TOKEN_TIER_EXCEEDED, reason, null);
  }

  /**
   * Replaces the estimate this guard counted for an allowed call with what it cost, once known, so
   * that the guard does not deny on spend that did not happen. Pass the request given to
   * {@link #check}.
   */
  public void recordActual(CallRequest request, BigDecimal costUsd) {
    if (costUsd == null) {
      throw new IllegalArgumentException("costUsd must not be null");
    }
    long now = clock.millis();
    for (BudgetEntry b : feed.statusIndex().forTenant(request.tenantId())) {
      if (b.hard() && b.appliesTo(request, now)) {
        b.allowances().correct(request, costUsd);
      }
    }
  }

  /**
   * What a call of this prompt costs at most, with input counted by jtokkit.
   *
   * @throws UnknownModelException when no catalog price of the model applies now
   */
  public Estimate estimate(String provider, String model, String prompt, int maxOutputTokens) {
    return estimator.ofPrompt(provider, model, prompt, maxOutputTokens);
  }

  /** The same with the input tokens given. */
  public Estimate estimate(String provider, String model, int inputTokens, int maxOutputTokens) {
    return estimator.ofTokens(provider, model, inputTokens, maxOutputTokens);
  }

  /** Told of each status (null when a budget is removed) as it takes effect, on the guard's thread; keep it quick. */
  public void onStatus(BiConsumer<String, BudgetStatus> listener) {
    feed.addStatusListener(listener);
  }

  @Override
  public void close() throws InterruptedException {
    if (consumer != null) {
      consumer.stop();
      thread.join(Duration.ofSeconds(10).toMillis());
    }
  }
}
