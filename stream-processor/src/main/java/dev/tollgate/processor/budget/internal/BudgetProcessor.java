package dev.tollgate.processor.budget.internal;

import dev.tollgate.processor.budget.AnomalySettings;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.Budget;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures each tenant's spend against its budgets. Spend counts in the period in which the event
 * occurred; alerts and the state they mark are written in one transaction, so an alert is raised
 * once even across restarts. Statuses of the current periods are published at a fixed wall-clock
 * interval for the budgets whose spend moved, and when a period rolls over.
 */
public final class BudgetProcessor implements Processor<String, TenantInput, String, BudgetOutput> {
  private static final Logger LOG = LoggerFactory.getLogger(BudgetProcessor.class);

  /** How often statuses go out, how long spend is remembered, when a forecast may be made. */
  public record Settings(Duration statusInterval, Duration retention, Duration expiryInterval, BigDecimal forecastMinElapsedShare,
      AnomalySettings anomaly) {}

  /** The names of the processor's stores. */
  public record StoreNames(String budgets, String buckets, String periods, String rateMinutes, String anomalyEpisodes) {}

  private final StoreNames stores;
  private final Settings settings;
  private final ForecastRule forecast;
  private final Set<String> dirty = new LinkedHashSet<>();
  private final Map<String, Instant> publishedPeriodEnd = new HashMap<>();
  private ProcessorContext<String, BudgetOutput> context;
  private BudgetBook book;
  private SpendLedger ledger;
  private AnomalyWatch anomalies;
  private long ignoredAsTooOld;

  private BudgetProcessor(StoreNames stores, Settings settings) {
    this.stores = stores;
    this.settings = settings;
    this.forecast = new ForecastRule(settings.forecastMinElapsedShare());
  }

  /**
   * The stores written on every event are cached, so that a key written many times between two
   * commits reaches RocksDB and its changelog once per commit.
   */
  public static ProcessorSupplier<String, TenantInput, String, BudgetOutput> supplier(StoreNames names, Settings settings) {
    Set<StoreBuilder<?>> stores = Set.of(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.budgets()), Serdes.String(),
            Topics.BUDGETS.valueSerde()),
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.buckets()), Serdes.String(), ScopeSpend.serde()).withCachingEnabled(),
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.periods()), Serdes.String(), PeriodState.serde()).withCachingEnabled(),
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.rateMinutes()), Serdes.String(), AnomalyWatch.decimalSerde()).withCachingEnabled(),
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.anomalyEpisodes()), Serdes.String(), Serdes.Long()));
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, TenantInput, String, BudgetOutput> get() {
        return new BudgetProcessor(names, settings);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return stores;
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, BudgetOutput> context) {
    this.context = context;
    this.book = new BudgetBook(context.getStateStore(stores.budgets()));
    this.ledger = new SpendLedger(context.getStateStore(stores.buckets()), context.getStateStore(stores.periods()));
    this.anomalies = new AnomalyWatch(context.getStateStore(stores.rateMinutes()), context.getStateStore(stores.anomalyEpisodes()),
        settings.anomaly());
    book.all().forEach(budget -> dirty.add(budget.getBudgetId()));
    context.schedule(settings.statusInterval(), PunctuationType.WALL_CLOCK_TIME, this::publishStatuses);
    context.schedule(settings.anomaly().checkInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkAnomalies);
    context.schedule(settings.expiryInterval(), PunctuationType.WALL_CLOCK_TIME, this::expire);
  }

  @Override
  public void process(Record<String, TenantInput> record) {
    Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
    if (record.value() instanceof TenantInput.Spend spend) {
      onSpend(record.key(), spend, now);
    } else if (record.value() instanceof TenantInput.BudgetChange change) {
      onChange(change, now);
    }
  }

  private void onSpend(String tenantId, TenantInput.Spend spend, Instant now) {
    if (spend.occurredAt() < now.minus(settings.retention()).toEpochMilli()) {
      ignoredAsTooOld++;
      return;
    }
    ledger.record(tenantId, spend);
    Instant occurredAt = Instant.ofEpochMilli(spend.occurredAt());
    for (Budget budget : book.forTenant(tenantId)) {
      if (!SpendLedger.matches(budget.getScope(), spend.teamId(), spend.userId(), spend.feature())) {
        continue;
      }
      anomalies.record(budget, spend.occurredAt(), spend.cost(), now.toEpochMilli());
      BudgetPeriod period = BudgetPeriod.of(occurredAt, budget.getPeriod(), budget.getTimezone());
      // A budget does not judge periods that were over before it was applied.
      if (!period.end().isAfter(budget.getAppliedAt())) {
        continue;
      }
      PeriodState state = ledger.state(budget, period);
      // The ledger already holds this event, so a period seen for the first time opens with it.
      state = state == null ? ledger.opening(budget, period) : state.plus(spend.cost(), spend.occurredAt());
      settle(budget, period, state, now);
    }
  }

  private void onChange(TenantInput.BudgetChange change, Instant now) {
    if (change.budget() == null) {
      if (book.remove(change.budgetId()) != null) {
        dirty.remove(change.budgetId());
        anomalies.forget(change.budgetId());
        publishedPeriodEnd.remove(change.budgetId());
        context.forward(new Record<>(change.budgetId(), new BudgetOutput.StatusRemoved(), now.toEpochMilli()));
      }
      return;
    }
    Budget budget = change.budget();
    Budget previous = book.put(budget);
    BudgetPeriod period = current(budget, now);
    PeriodState state = ledger.state(budget, period);
    if (state == null) {
      state = ledger.opening(budget, period);
    } else if (previous == null || !previous.getScope().equals(budget.getScope())) {
      PeriodState recounted = ledger.opening(budget, period);
      state = state.withSpend(recounted.spend(), recounted.lastEventAt());
    }
    settle(budget, period, state, now);
    dirty.add(budget.getBudgetId());
  }

  private void settle(Budget budget, BudgetPeriod period, PeriodState counted, Instant now) {
    BudgetRules.Evaluation thresholds = BudgetRules.thresholds(budget, period, counted, now);
    thresholds.alerts().forEach(alert -> raise(alert, now));
    PeriodState state = thresholds.state();
    Optional<Alert> projected = forecast.evaluate(budget, period, state, now);
    if (projected.isPresent()) {
      raise(projected.get(), now);
      state = state.withForecastFired();
    }
    ledger.save(budget, period, state);
    if (!period.end().isBefore(current(budget, now).end())) {
      dirty.add(budget.getBudgetId());
    }
  }

  private void raise(Alert alert, Instant now) {
    LOG.info("alert {}: {}", alert.getAlertId(), alert.getMessage());
    context.forward(new Record<>(alert.getBudgetId(), new BudgetOutput.AlertRaised(alert), now.toEpochMilli()));
  }

  private void publishStatuses(long timestamp) {
    Instant now = Instant.ofEpochMilli(timestamp);
    publishedPeriodEnd.forEach((budgetId, end) -> {
      if (!now.isBefore(end)) {
        dirty.add(budgetId);
      }
    });
    for (String budgetId : dirty) {
      Budget budget = book.get(budgetId);
      if (budget == null) {
        continue;
      }
      BudgetPeriod period = current(budget, now);
      PeriodState state = ledger.state(budget, period);
      if (state == null) {
        state = ledger.opening(budget, period);
        ledger.save(budget, period, state);
      }
      context.forward(new Record<>(budgetId, new BudgetOutput.StatusChanged(BudgetRules.status(budget, period, state, now)), timestamp));
      publishedPeriodEnd.put(budgetId, period.end());
    }
    dirty.clear();
  }

  private void checkAnomalies(long timestamp) {
    Instant now = Instant.ofEpochMilli(timestamp);
    for (AnomalyWatch.Finding finding : anomalies.check(book, timestamp)) {
      Budget budget = finding.budget();
      BudgetPeriod period = current(budget, now);
      PeriodState state = ledger.state(budget, period);
      raise(AnomalyAlert.of(finding, period, state == null ? ledger.opening(budget, period) : state, settings.anomaly(), now), now);
    }
  }

  private void expire(long timestamp) {
    int removed = ledger.expire(timestamp - settings.retention().toMillis()) + anomalies.expire(timestamp);
    if (removed > 0 || ignoredAsTooOld > 0) {
      LOG.info("forgot {} spend entries older than {}; {} events were older than that and not counted against budgets",
          removed, settings.retention(), ignoredAsTooOld);
    }
    ignoredAsTooOld = 0;
  }

  private static BudgetPeriod current(Budget budget, Instant now) {
    return BudgetPeriod.of(now, budget.getPeriod(), budget.getTimezone());
  }
}
