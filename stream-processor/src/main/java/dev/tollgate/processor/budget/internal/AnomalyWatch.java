package dev.tollgate.processor.budget.internal;

import dev.tollgate.processor.budget.AnomalySettings;
import dev.tollgate.schemas.avro.Budget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Watches each budget scope's spend rate. Spend is kept per budget in one-minute buckets by the
 * time the call happened, for as long as the window and its baseline reach back. An anomaly opens
 * an episode, raised once, that lasts until a check finds the rate back to normal; the episode is
 * in a changelogged store, so a restart does not raise it again.
 *
 * <p>The recent window is the current minute and the whole minutes before it, taken as a full
 * window: the rate it yields is at most the true one, which errs on the side of fewer alerts. A
 * budget is only judged once it has existed for its whole baseline, or every new budget's first
 * calls would look like a surge out of nothing.
 */
final class AnomalyWatch {
  static final long MINUTE_MS = 60_000L;
  private static final String SEP = "|";

  private final KeyValueStore<String, BigDecimal> minutes;
  private final KeyValueStore<String, Long> episodes;
  private final AnomalySettings settings;
  private final long windowMs;
  private final long reachMs;
  private final Set<String> moved = new LinkedHashSet<>();

  /** A rate found anomalous, opening an episode at {@code since}. */
  record Finding(Budget budget, AnomalyRates rates, long since) {}

  AnomalyWatch(KeyValueStore<String, BigDecimal> minutes, KeyValueStore<String, Long> episodes, AnomalySettings settings) {
    this.minutes = minutes;
    this.episodes = episodes;
    this.settings = settings;
    this.windowMs = settings.window().toMillis();
    this.reachMs = windowMs + settings.baseline().toMillis();
  }

  static Serde<BigDecimal> decimalSerde() {
    return Serdes.serdeFrom((topic, value) -> value == null ? null : write(value), (topic, bytes) -> read(bytes));
  }

  void record(Budget budget, long occurredAt, BigDecimal cost, long now) {
    long at = Math.min(occurredAt, now);
    if (at < now - reachMs) {
      return;
    }
    String key = key(budget.getBudgetId(), minuteOf(at));
    BigDecimal current = minutes.get(key);
    minutes.put(key, current == null ? cost : current.add(cost));
    moved.add(budget.getBudgetId());
  }

  /** Checks the budgets whose spend moved since the last check; returns the episodes that opened. */
  List<Finding> check(BudgetBook book, long now) {
    List<Finding> opened = new ArrayList<>();
    for (String budgetId : moved) {
      Budget budget = book.get(budgetId);
      if (budget != null) {
        judge(budget, now).ifPresent(opened::add);
      }
    }
    moved.clear();
    return opened;
  }

  void forget(String budgetId) {
    moved.remove(budgetId);
    episodes.delete(budgetId);
    List<String> keys = new ArrayList<>();
    try (KeyValueIterator<String, BigDecimal> range = minutes.range(key(budgetId, 0), key(budgetId, Long.MAX_VALUE / 2))) {
      range.forEachRemaining(entry -> keys.add(entry.key));
    }
    keys.forEach(minutes::delete);
  }

  int expire(long now) {
    long before = minuteOf(now) - reachMs;
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, BigDecimal> all = minutes.all()) {
      while (all.hasNext()) {
        KeyValue<String, BigDecimal> entry = all.next();
        if (Long.parseLong(entry.key.substring(entry.key.lastIndexOf(SEP) + 1)) < before) {
          old.add(entry.key);
        }
      }
    }
    old.forEach(minutes::delete);
    return old.size();
  }

  private Optional<Finding> judge(Budget budget, long now) {
    String budgetId = budget.getBudgetId();
    Long episode = episodes.get(budgetId);
    boolean observedLongEnough = budget.getAppliedAt().toEpochMilli() <= now - reachMs;
    AnomalyRates rates = rates(budgetId, now);
    boolean anomalous = observedLongEnough && rates.anomalous(settings);
    if (anomalous && episode == null) {
      long since = minuteOf(now);
      episodes.put(budgetId, since);
      return Optional.of(new Finding(budget, rates, since));
    }
    if (!anomalous && episode != null) {
      episodes.delete(budgetId);
    }
    return Optional.empty();
  }

  private AnomalyRates rates(String budgetId, long now) {
    long recentFrom = minuteOf(now) - windowMs + MINUTE_MS;
    long baselineFrom = recentFrom - settings.baseline().toMillis();
    BigDecimal recent = BigDecimal.ZERO;
    BigDecimal baseline = BigDecimal.ZERO;
    try (KeyValueIterator<String, BigDecimal> range = minutes.range(key(budgetId, baselineFrom), key(budgetId, minuteOf(now)))) {
      while (range.hasNext()) {
        KeyValue<String, BigDecimal> entry = range.next();
        long minute = Long.parseLong(entry.key.substring(entry.key.lastIndexOf(SEP) + 1));
        if (minute >= recentFrom) {
          recent = recent.add(entry.value);
        } else {
          baseline = baseline.add(entry.value);
        }
      }
    }
    return new AnomalyRates(recent, windowMs, baseline, settings.baseline().toMillis());
  }

  private static long minuteOf(long at) {
    return Math.floorDiv(at, MINUTE_MS) * MINUTE_MS;
  }

  private static String key(String budgetId, long minute) {
    return budgetId + SEP + StoreKeys.time(minute);
  }

  private static byte[] write(BigDecimal value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(24);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      Binary.writeDecimal(out, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static BigDecimal read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return Binary.readDecimal(in);
    } catch (IOException e) {
      throw new SerializationException("cannot read a spend amount", e);
    }
  }
}
