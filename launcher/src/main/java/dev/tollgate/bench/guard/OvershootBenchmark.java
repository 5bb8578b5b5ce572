package dev.tollgate.bench.guard;

import dev.tollgate.cli.kafka.BudgetTopics;
import dev.tollgate.ingest.UsageProducer;
import dev.tollgate.ingest.guard.BudgetGuard;
import dev.tollgate.ingest.guard.GuardConfig;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.json.BudgetJson;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * How far parallel services overshoot one hard budget. On the running local stack it applies a hard
 * daily budget to a fresh tenant, starts K services, each with its own guard (its own consumer), that
 * call at a fixed rate until their guard denies, waits for the processor to count every call, and
 * compares the final spend with the limit. Also reports how long statuses took to reach the guards.
 */
public final class OvershootBenchmark {
  private static final Duration STATUS_WAIT = Duration.ofSeconds(60);
  private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

  /**
   * @param callsPerSecondPerService each service's rate
   * @param inputTokens and {@code maxOutputTokens}: what each call asks for; it uses 50–100% of the output
   * @param localAllowances false for the baseline: each service then reports a cost of zero right after
   *     each check, which cancels what its guard counted locally, so the guards go by the statuses alone
   */
  public record Settings(String bootstrap, int services, int callsPerSecondPerService, BigDecimal limitUsd, String provider,
      String model, int inputTokens, int maxOutputTokens, boolean localAllowances) {

    /** 4 services × 25 calls/s of gpt-4o (1,000 in, ≤ 500 out: ≤ $0.0075 a call) against $5. */
    public static Settings defaults(String bootstrap) {
      return new Settings(bootstrap, 4, 25, new BigDecimal("5"), "openai", "gpt-4o", 1_000, 500, true);
    }

    public Settings withoutLocalAllowances() {
      return new Settings(bootstrap, services, callsPerSecondPerService, limitUsd, provider, model, inputTokens,
          maxOutputTokens, false);
    }
  }

  private OvershootBenchmark() {}

  public static OvershootResult run(Settings settings, PrintStream out) throws Exception {
    String run = "overshoot-" + Instant.now().toEpochMilli();
    PropagationLog propagation = new PropagationLog(run);
    List<BudgetGuard> guards = new ArrayList<>();
    List<UsageProducer> producers = new ArrayList<>();
    try {
      for (int k = 0; k < settings.services(); k++) {
        BudgetGuard guard = BudgetGuard.start(GuardConfig.of(settings.bootstrap()).withClientId(run + "-guard-" + k));
        int index = k;
        guard.onStatus((id, status) -> propagation.received(index, id, status, System.currentTimeMillis()));
        guards.add(guard);
        producers.add(new UsageProducer(settings.bootstrap()));
      }
      for (BudgetGuard guard : guards) {
        if (!guard.awaitReady(STATUS_WAIT)) {
          throw new IllegalStateException("a guard did not catch up with the status and price topics in " + STATUS_WAIT.toSeconds() + " s");
        }
      }
      guards.get(0).estimate(settings.provider(), settings.model(), settings.inputTokens(), settings.maxOutputTokens());
      applyBudget(settings, run);
      out.printf("applied hard budget %s: $%s a day for tenant %s; waiting for its first status%n", run,
          settings.limitUsd().toPlainString(), run);
      await(() -> allGuardsHold(propagation, settings.services()), "the first status of budget " + run
          + " (is the processor running? ./tollgate up)");
      OvershootResult result = spend(settings, run, guards, producers, propagation, out);
      // The run's budget has served its purpose; left in place it would clutter budgets list and alerts.
      new BudgetTopics(settings.bootstrap()).remove(run);
      return result;
    } finally {
      for (UsageProducer p : producers) {
        p.close();
      }
      for (BudgetGuard g : guards) {
        g.close();
      }
    }
  }

  private static OvershootResult spend(Settings settings, String run, List<BudgetGuard> guards, List<UsageProducer> producers,
      PropagationLog propagation, PrintStream out) throws Exception {
    CallLedger ledger = new CallLedger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long start = System.nanoTime();
    List<GuardedService> services = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int k = 0; k < settings.services(); k++) {
      GuardedService service = new GuardedService(k, guards.get(k), producers.get(k), settings, run, ledger, start,
          start + RUN_LIMIT.toNanos(), failure);
      services.add(service);
      threads.add(new Thread(service, "service-" + k));
    }
    threads.forEach(Thread::start);
    while (threads.stream().anyMatch(Thread::isAlive)) {
      Thread.sleep(1000);
      BudgetStatus seen = propagation.latest(0);
      out.printf("… %5.1f s  %,d calls  status spend $%s  services denied %d/%d%n", (System.nanoTime() - start) / 1e9,
          ledger.count(), seen == null ? "?" : seen.getSpendUsd().stripTrailingZeros().toPlainString(),
          services.stream().filter(GuardedService::denied).count(), services.size());
    }
    if (failure.get() != null) {
      throw new IllegalStateException("publishing a usage event failed", failure.get());
    }
    if (!services.stream().allMatch(GuardedService::denied)) {
      throw new IllegalStateException("not every guard denied within " + RUN_LIMIT.toMinutes() + " minutes");
    }
    long lastDenial = services.stream().mapToLong(GuardedService::deniedAtNanos).max().orElseThrow();
    producers.forEach(UsageProducer::flush);
    BigDecimal published = ledger.total();
    out.printf("every guard denies; %,d calls published for $%s; waiting for the processor to count them all%n",
        ledger.count(), published.stripTrailingZeros().toPlainString());
    boolean settled = awaitQuietly(() -> counts(propagation.latest(0), published));
    BigDecimal finalSpend = propagation.latest(0).getSpendUsd();
    return new OvershootResult(settings.services(), settings.callsPerSecondPerService(), settings.model(), settings.localAllowances(),
        settings.limitUsd(), finalSpend, settled, ledger.count(), ledger.pastLimit(settings.limitUsd()),
        published.divide(BigDecimal.valueOf(Math.max(1, ledger.count())), 12, RoundingMode.HALF_EVEN),
        (lastDenial - start) / 1_000_000, propagation.samples(), propagation.percentile(50), propagation.percentile(99),
        propagation.percentile(100));
  }

  private static void applyBudget(Settings settings, String run) throws Exception {
    Budget budget = BudgetJson.parse("""
        [{"budget_id": "%s", "scope": {"tenant_id": "%s"}, "period": "day", "limit_usd": "%s", "enforcement": "hard"}]"""
        .formatted(run, run, settings.limitUsd().toPlainString()), Instant.now()).budgets().get(0);
    new BudgetTopics(settings.bootstrap()).publish(List.of(budget));
  }

  private static boolean allGuardsHold(PropagationLog propagation, int guards) {
    for (int k = 0; k < guards; k++) {
      if (propagation.latest(k) == null) {
        return false;
      }
    }
    return true;
  }

  private static boolean counts(BudgetStatus status, BigDecimal published) {
    return status != null && status.getSpendUsd().compareTo(published) == 0;
  }

  private static void await(BooleanSupplier done, String what) throws InterruptedException {
    if (!awaitQuietly(done)) {
      throw new IllegalStateException("no " + what + " within " + STATUS_WAIT.toSeconds() + " s");
    }
  }

  private static boolean awaitQuietly(BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + STATUS_WAIT.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }
}
