package dev.tollgate.ingest.guard.internal;

import dev.tollgate.ingest.guard.CallRequest;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one guard allowed against one hard budget that the budget's status may not show yet.
 *
 * <p>Statuses reach the guard a few hundred milliseconds after the spend that moved them, so services
 * that spend in parallel can overshoot a limit by what they allow in that window. Each guard therefore
 * adds every call it allows (at its pre-flight estimate: input plus all of max output) as a grant
 * stamped with the time of the check, and counts the sum of its grants on top of the status's
 * spend. A status whose {@code last_event_at} is at or after a grant's time is taken to include that
 * call, so the grant is dropped when such a status arrives; a status of a later period drops every
 * grant made before that period began. The rule assumes services stamp {@code occurred_at} with the
 * time they asked the guard; an event that reaches the processor after a newer one (another
 * partition, another service) is then briefly counted by neither, which is the residual overshoot.
 * A guard only knows its own grants: the parallel services' in-flight calls still overshoot, by at
 * most one propagation window of their rate.
 *
 * <p>{@link #correct} replaces a grant's estimate with the call's actual cost. Grants live until a
 * status drops them; while they cover the budget's headroom the guard denies, so there are at most
 * about headroom ÷ smallest call cost of them. Lock-free: checks on many threads add grants, the
 * consumer thread drops them.
 */
public final class LocalAllowances {
  private static final Amount REMOVED = new Amount(BigDecimal.ZERO, true);

  private record Amount(BigDecimal usd, boolean actual) {}

  private static final class Grant {
    final long atMillis;
    final CallRequest request;
    final AtomicReference<Amount> amount;

    Grant(long atMillis, CallRequest request, BigDecimal estimate) {
      this.atMillis = atMillis;
      this.request = request;
      this.amount = new AtomicReference<>(new Amount(estimate, false));
    }
  }

  private final ConcurrentLinkedQueue<Grant> grants = new ConcurrentLinkedQueue<>();
  private final AtomicReference<BigDecimal> pending = new AtomicReference<>(BigDecimal.ZERO);

  /** The sum of the grants not yet shown by a status. */
  public BigDecimal pending() {
    return pending.get();
  }

  public void grant(long atMillis, CallRequest request, BigDecimal estimate) {
    grants.add(new Grant(atMillis, request, estimate));
    pending.accumulateAndGet(estimate, BigDecimal::add);
  }

  /**
   * Replaces the estimate of the oldest grant for an equal request not corrected yet. Nothing to do
   * when a status has already dropped it: the status then counts the call's actual cost.
   */
  public void correct(CallRequest request, BigDecimal actualUsd) {
    for (Grant g : grants) {
      if (!g.request.equals(request)) {
        continue;
      }
      Amount current = g.amount.get();
      while (current != REMOVED && !current.actual()) {
        if (g.amount.compareAndSet(current, new Amount(actualUsd, true))) {
          pending.accumulateAndGet(actualUsd.subtract(current.usd()), BigDecimal::add);
          return;
        }
        current = g.amount.get();
      }
    }
  }

  /** Drops the grants made at or before {@code includedUpToMillis}, which a status now includes. */
  public void settle(long includedUpToMillis) {
    for (Iterator<Grant> it = grants.iterator(); it.hasNext(); ) {
      Grant g = it.next();
      if (g.atMillis <= includedUpToMillis) {
        it.remove();
        Amount taken = g.amount.getAndSet(REMOVED);
        if (taken != REMOVED) {
          pending.accumulateAndGet(taken.usd(), BigDecimal::subtract);
        }
      }
    }
  }
}
