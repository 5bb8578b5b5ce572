package dev.tollgate.bench.guard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every call the services made, with its exact cost, shared by their threads. */
final class CallLedger {
  private record Call(long occurredAtMillis, BigDecimal costUsd) {}

  private final List<Call> calls = new ArrayList<>();

  synchronized void add(long occurredAtMillis, BigDecimal costUsd) {
    calls.add(new Call(occurredAtMillis, costUsd));
  }

  synchronized long count() {
    return calls.size();
  }

  synchronized BigDecimal total() {
    return calls.stream().map(Call::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Calls, in order of occurrence, after which the running spend stood above the limit. */
  synchronized long pastLimit(BigDecimal limitUsd) {
    List<Call> ordered = new ArrayList<>(calls);
    ordered.sort(Comparator.comparingLong(Call::occurredAtMillis));
    BigDecimal running = BigDecimal.ZERO;
    long past = 0;
    for (Call c : ordered) {
      running = running.add(c.costUsd());
      if (running.compareTo(limitUsd) > 0) {
        past++;
      }
    }
    return past;
  }
}
