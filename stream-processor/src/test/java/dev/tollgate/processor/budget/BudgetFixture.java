package dev.tollgate.processor.budget;

import dev.tollgate.processor.internal.SpendOfPriced;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.CostCorrection;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.RejectedEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.avro.UsageSpend;
import dev.tollgate.schemas.json.BudgetJson;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The budget topology in a TopologyTestDriver whose wall clock the test moves. */
final class BudgetFixture implements AutoCloseable {
  private final TopologyTestDriver driver;
  private final TestInputTopic<String, UsageSpend> spend;
  private final TestInputTopic<String, Budget> budgets;
  private final TestInputTopic<String, RejectedEvent> rejected;
  private final TestInputTopic<String, CostCorrection> corrections;
  private final TestOutputTopic<String, Alert> alerts;
  private final TestOutputTopic<String, BudgetStatus> statuses;
  private final Map<String, BudgetStatus> latestStatus = new HashMap<>();
  private final List<Alert> alertsSeen = new ArrayList<>();
  private Instant now;
  private int events;

  BudgetFixture(Path stateDir, Instant wallClock) {
    this(stateDir, wallClock, AnomalySettings.DEFAULTS, RejectSurgeSettings.DEFAULTS);
  }

  BudgetFixture(Path stateDir, Instant wallClock, AnomalySettings anomaly, RejectSurgeSettings rejectSurge) {
    BudgetConfig config = new BudgetConfig("tollgate-budgets-test", "unused:9092", stateDir, Duration.ofMillis(100), 2,
        BudgetConfig.DEFAULT_STATUS_INTERVAL, BudgetConfig.DEFAULT_RETENTION, BudgetConfig.DEFAULT_FORECAST_MIN_ELAPSED_PCT,
        anomaly, rejectSurge, "none");
    now = wallClock;
    driver = new TopologyTestDriver(BudgetTopology.buildTopology(config), config.streamsProperties(), wallClock);
    spend = driver.createInputTopic(Topics.USAGE_SPEND.name(), Serdes.String().serializer(),
        Topics.USAGE_SPEND.valueSerde().serializer());
    budgets = driver.createInputTopic(Topics.BUDGETS.name(), Serdes.String().serializer(),
        Topics.BUDGETS.valueSerde().serializer());
    rejected = driver.createInputTopic(Topics.USAGE_REJECTED.name(), Serdes.String().serializer(),
        Topics.USAGE_REJECTED.valueSerde().serializer());
    corrections = driver.createInputTopic(Topics.USAGE_CORRECTIONS.name(), Serdes.String().serializer(),
        Topics.USAGE_CORRECTIONS.valueSerde().serializer());
    alerts = driver.createOutputTopic(Topics.ALERTS.name(), Serdes.String().deserializer(),
        Topics.ALERTS.valueSerde().deserializer());
    statuses = driver.createOutputTopic(Topics.BUDGET_STATUS.name(), Serdes.String().deserializer(),
        Topics.BUDGET_STATUS.valueSerde().deserializer());
  }

  /** Applies budgets given in the file form of {@code tollgate budgets apply}, at the current wall clock. */
  void apply(String json) {
    BudgetJson.Budgets read = BudgetJson.parse(json, now);
    if (!read.errors().isEmpty()) {
      throw new IllegalArgumentException(read.errors().toString());
    }
    read.budgets().forEach(b -> budgets.pipeInput(b.getBudgetId(), b, now));
  }

  void remove(String budgetId) {
    budgets.pipeInput(budgetId, null, now);
  }

  /** A priced event of the given cost, attributed to tenant/team/user/feature. */
  void spend(String tenant, String team, String user, String feature, String cost, Instant occurredAt) {
    String id = "e-" + (++events);
    UsageEvent event = UsageEvent.newBuilder().setEventId(id).setOccurredAt(occurredAt).setTenantId(tenant)
        .setTeamId(team).setUserId(user).setFeature(feature).setProvider("openai").setModel("gpt-4o")
        .setInputTokens(1000).setOutputTokens(100).build();
    PricedUsageEvent value = PricedUsageEvent.newBuilder().setEvent(event)
        .setCostUsd(new BigDecimal(cost).setScale(12)).setPriceSource("catalog").setPrice(null).setPricedAt(now).build();
    spend.pipeInput(tenant, SpendOfPriced.of(value), occurredAt);
  }

  /** An event of a model missing from the catalog, priced by the fallback rule. */
  void fallbackPriced(String tenant, String model, Instant occurredAt) {
    String id = "e-" + (++events);
    UsageEvent event = UsageEvent.newBuilder().setEventId(id).setOccurredAt(occurredAt).setTenantId(tenant)
        .setUserId("u").setFeature("chat").setProvider("openai").setModel(model)
        .setInputTokens(1000).setOutputTokens(100).build();
    PricedUsageEvent value = PricedUsageEvent.newBuilder().setEvent(event)
        .setCostUsd(new BigDecimal("0.01").setScale(12)).setPriceSource("fallback").setPrice(null).setPricedAt(now).build();
    spend.pipeInput(tenant, SpendOfPriced.of(value), occurredAt);
  }

  /** A change of the cost of events already counted, as re-pricing publishes it. */
  void correct(String correctionId, String tenant, String team, String user, String feature, String delta, Instant occurredAt) {
    CostCorrection value = CostCorrection.newBuilder().setCorrectionId(correctionId).setTenantId(tenant).setTeamId(team)
        .setUserId(user).setFeature(feature).setOccurredAt(occurredAt).setDeltaUsd(new BigDecimal(delta).setScale(12))
        .setEvents(1).setReason("reprice").setReference("run-1").build();
    corrections.pipeInput(correctionId, value, now);
  }

  /** A record the pricing processor rejected, for the given field and reason. */
  void rejected(String field, String reason) {
    String id = "r-" + (++events);
    RejectedEvent value = RejectedEvent.newBuilder().setEventId(id).setField(field).setReason(reason)
        .setPayload(ByteBuffer.wrap(new byte[] {'{'})).setSourceTopic(Topics.USAGE_RAW.name()).setSourcePartition(0)
        .setSourceOffset(events).setRejectedAt(now).build();
    rejected.pipeInput(id, value, now);
  }

  void spend(String tenant, String cost, Instant occurredAt) {
    spend(tenant, "team-a", "user-1", "chat", cost, occurredAt);
  }

  Instant now() {
    return now;
  }

  /** Moves the wall clock to the given instant (not backwards). */
  void advanceTo(Instant instant) {
    advance(Duration.between(now, instant));
  }

  /** Moves the wall clock, which runs the status punctuation. */
  void advance(Duration duration) {
    now = now.plus(duration);
    driver.advanceWallClockTime(duration);
  }

  List<Alert> alerts() {
    alerts.readValuesToList().forEach(alertsSeen::add);
    return List.copyOf(alertsSeen);
  }

  List<Alert> alerts(String kind) {
    return alerts().stream().filter(a -> a.getKind().equals(kind)).toList();
  }

  /** The latest status per budget after the next status publication; absent once removed. */
  Map<String, BudgetStatus> statuses() {
    advance(BudgetConfig.DEFAULT_STATUS_INTERVAL);
    for (TestRecord<String, BudgetStatus> r : statuses.readRecordsToList()) {
      if (r.value() == null) {
        latestStatus.remove(r.key());
      } else {
        latestStatus.put(r.key(), r.value());
      }
    }
    return Map.copyOf(latestStatus);
  }

  BudgetStatus status(String budgetId) {
    return statuses().get(budgetId);
  }

  @Override
  public void close() {
    driver.close();
  }
}
