package dev.tollgate.bench.guard;

import dev.tollgate.ingest.UsageProducer;
import dev.tollgate.ingest.guard.BudgetGuard;
import dev.tollgate.ingest.guard.CallRequest;
import dev.tollgate.ingest.guard.Decision;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One AI service: at a fixed rate it asks its own guard, and when allowed "makes the call" (uses
 * between half and all of its maximum output) and publishes the usage event, stamped with the time
 * it sends it, then tells the guard the actual cost. Stops at its guard's first denial.
 */
final class GuardedService implements Runnable {
  private final int index;
  private final BudgetGuard guard;
  private final UsageProducer producer;
  private final OvershootBenchmark.Settings settings;
  private final String tenant;
  private final CallLedger ledger;
  private final long startNanos;
  private final long deadlineNanos;
  private final Random random;
  private final AtomicReference<Exception> failure;
  private volatile long deniedAtNanos = -1;

  GuardedService(int index, BudgetGuard guard, UsageProducer producer, OvershootBenchmark.Settings settings, String tenant,
      CallLedger ledger, long startNanos, long deadlineNanos, AtomicReference<Exception> failure) {
    this.index = index;
    this.guard = guard;
    this.producer = producer;
    this.settings = settings;
    this.tenant = tenant;
    this.ledger = ledger;
    this.startNanos = startNanos;
    this.deadlineNanos = deadlineNanos;
    this.random = new Random(index);
    this.failure = failure;
  }

  @Override
  public void run() {
    long periodNanos = 1_000_000_000L / settings.callsPerSecondPerService();
    CallRequest request = new CallRequest(tenant, null, "service-" + index, "chat", settings.provider(), settings.model(),
        settings.inputTokens(), settings.maxOutputTokens());
    for (long i = 0; failure.get() == null; i++) {
      long due = startNanos + i * periodNanos;
      LockSupport.parkNanos(due - System.nanoTime());
      if (System.nanoTime() > deadlineNanos) {
        return;
      }
      Decision decision = guard.check(request);
      if (decision.outcome() == Decision.Outcome.DENY) {
        deniedAtNanos = System.nanoTime();
        return;
      }
      if (!settings.localAllowances()) {
        guard.recordActual(request, BigDecimal.ZERO);
      }
      call(request, i);
    }
  }

  private void call(CallRequest request, long i) {
    int output = settings.maxOutputTokens() / 2 + random.nextInt(settings.maxOutputTokens() / 2 + 1);
    BigDecimal cost = guard.estimate(settings.provider(), settings.model(), settings.inputTokens(), output).costUsd();
    Instant occurredAt = Instant.now();
    UsageEvent event = UsageEvent.newBuilder().setEventId(tenant + "-s" + index + "-" + i).setOccurredAt(occurredAt)
        .setTenantId(tenant).setUserId("service-" + index).setFeature("chat").setProvider(settings.provider())
        .setModel(settings.model()).setInputTokens(settings.inputTokens()).setOutputTokens(output).build();
    producer.send(event, (metadata, error) -> {
      if (error != null) {
        failure.compareAndSet(null, error);
      }
    });
    if (settings.localAllowances()) {
      guard.recordActual(request, cost);
    }
    ledger.add(occurredAt.toEpochMilli(), cost);
  }

  boolean denied() {
    return deniedAtNanos >= 0;
  }

  long deniedAtNanos() {
    return deniedAtNanos;
  }
}
