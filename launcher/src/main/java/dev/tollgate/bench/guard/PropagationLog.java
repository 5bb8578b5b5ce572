package dev.tollgate.bench.guard;

import dev.tollgate.schemas.avro.BudgetStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When each guard received each new status of one budget, against the occurred_at of the newest
 * call it counts; services stamp occurred_at when they send, so this is send-to-guard latency.
 */
final class PropagationLog {
  private final String budgetId;
  private final List<Long> latenciesMs = new ArrayList<>();
  private final Map<Integer, Long> newestSeen = new HashMap<>();
  private final Map<Integer, BudgetStatus> latest = new HashMap<>();

  PropagationLog(String budgetId) {
    this.budgetId = budgetId;
  }

  synchronized void received(int guard, String id, BudgetStatus status, long receivedAtMillis) {
    if (!budgetId.equals(id) || status == null) {
      return;
    }
    latest.put(guard, status);
    if (status.getLastEventAt() == null) {
      return;
    }
    long lastEvent = status.getLastEventAt().toEpochMilli();
    if (lastEvent > newestSeen.getOrDefault(guard, Long.MIN_VALUE)) {
      newestSeen.put(guard, lastEvent);
      latenciesMs.add(receivedAtMillis - lastEvent);
    }
  }

  /** The newest status guard {@code guard} holds; null before the first. */
  synchronized BudgetStatus latest(int guard) {
    return latest.get(guard);
  }

  /** Nearest-rank percentile p in (0, 100]; -1 without samples. */
  synchronized long percentile(double p) {
    if (latenciesMs.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(latenciesMs);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }

  synchronized int samples() {
    return latenciesMs.size();
  }
}
