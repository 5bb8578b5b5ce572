package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.processor.TestTopics;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.BudgetJson;
import dev.tollgate.schemas.serde.UsageEventCodec;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor as users run it, a separate JVM on the real broker, killed with SIGKILL between
 * thresholds: each threshold is still raised exactly once.
 */
class BudgetAlertsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static String bootstrap;

  @TempDir
  Path work;
  private final String appSuffix = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> keys = new ArrayList<>();
  private Process processor;

  @BeforeAll
  static void createTopics() throws Exception {
    bootstrap = TestStack.kafka().bootstrapServers();
    TestTopics.createMissing(bootstrap);
  }

  @AfterEach
  void stopProcessor() {
    if (processor != null) {
      processor.destroyForcibly();
    }
  }

  @Test
  void shouldRaiseEachOfFourThresholdsExactlyOnceAcrossAKill() throws Exception {
    // given a tenant of its own, $1 per input token, and a $100 monthly budget
    String tenant = "tenant-" + appSuffix;
    publishPrice();
    applyBudget(tenant);
    processor = startProcessor(work.resolve("state-1"));

    // when spend reaches 50%, the processor is killed while 30% more arrive, and a new one
    // (with an empty state folder, so it restores from the changelogs) takes over
    publishCalls(tenant, 5);
    List<Alert> first = awaitAlerts(tenant, alerts -> alerts.size() >= 1);
    publishCalls(tenant, 3);
    processor.destroyForcibly().waitFor();
    processor = startProcessor(work.resolve("state-2"));
    publishCalls(tenant, 2);
    republishFirstCall();

    // then
    List<Alert> all = awaitAlerts(tenant, alerts -> alerts.size() >= 4);
    Thread.sleep(3000);
    all = awaitAlerts(tenant, alerts -> true);
    assertThat(first).extracting(Alert::getThresholdPct).map(BigDecimal::intValueExact).containsExactly(50);
    assertThat(all).extracting(a -> a.getThresholdPct().intValueExact()).containsExactly(50, 75, 90, 100);
    assertThat(all).extracting(Alert::getAlertId).doesNotHaveDuplicates();
    assertThat(awaitStatus("b-" + appSuffix, s -> s.getSpendUsd().compareTo(BigDecimal.valueOf(100)) == 0).getPercent())
        .isEqualByComparingTo("100");
  }

  private Process startProcessor(Path stateDir) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), "dev.tollgate.processor.ProcessorApp");
    builder.environment().putAll(Map.of(
        "TOLLGATE_KAFKA_BOOTSTRAP", bootstrap,
        "TOLLGATE_STATE_DIR", stateDir.toString(),
        "TOLLGATE_PROCESSOR_APP_ID", "it-pricing-" + appSuffix,
        "TOLLGATE_BUDGETS_APP_ID", "it-budgets-" + appSuffix));
    builder.redirectErrorStream(true).redirectOutput(work.resolve("processor.log").toFile());
    return builder.start();
  }

  private void publishPrice() throws Exception {
    PriceEntry dollarPerToken = PriceEntry.newBuilder().setProvider("it").setModel("dollar-" + appSuffix)
        .setEffectiveFrom(Instant.parse("2020-01-01T00:00:00Z"))
        .setInputPerMtok(new BigDecimal("1000000").setScale(12)).setOutputPerMtok(BigDecimal.ZERO.setScale(12)).build();
    try (KafkaProducer<String, PriceEntry> producer = new KafkaProducer<>(producerConfig(),
        Serdes.String().serializer(), Topics.PRICES.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.PRICES.name(), PriceKeys.of(dollarPerToken), dollarPerToken)).get();
    }
  }

  private void applyBudget(String tenant) throws Exception {
    Budget budget = BudgetJson.parse("""
        [{"budget_id": "b-%s", "scope": {"tenant_id": "%s"}, "period": "month", "limit_usd": "100"}]"""
        .formatted(appSuffix, tenant), Instant.now()).budgets().get(0);
    try (KafkaProducer<String, Budget> producer = new KafkaProducer<>(producerConfig(),
        Serdes.String().serializer(), Topics.BUDGETS.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.BUDGETS.name(), budget.getBudgetId(), budget)).get();
    }
  }

  /** Calls of 10 input tokens: $10 each. */
  private void publishCalls(String tenant, int count) throws Exception {
    UsageEventCodec codec = new UsageEventCodec();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(),
        Serdes.String().serializer(), Serdes.ByteArray().serializer())) {
      for (int i = 0; i < count; i++) {
        String id = "call-" + appSuffix + "-" + keys.size();
        keys.add(id);
        UsageEvent event = UsageEvent.newBuilder().setEventId(id).setOccurredAt(Instant.now()).setTenantId(tenant)
            .setUserId("u").setFeature("chat").setProvider("it").setModel("dollar-" + appSuffix)
            .setInputTokens(10).setOutputTokens(0).build();
        producer.send(new ProducerRecord<>(Topics.USAGE_RAW.name(), null, event.getOccurredAt().toEpochMilli(), id,
            codec.encode(event))).get();
      }
    }
  }

  /** A producer's retry of the first call: the pipeline must not count it twice. */
  private void republishFirstCall() throws Exception {
    UsageEventCodec codec = new UsageEventCodec();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(),
        Serdes.String().serializer(), Serdes.ByteArray().serializer())) {
      UsageEvent retry = UsageEvent.newBuilder().setEventId(keys.get(0)).setOccurredAt(Instant.now())
          .setTenantId("tenant-" + appSuffix).setUserId("u").setFeature("chat").setProvider("it")
          .setModel("dollar-" + appSuffix).setInputTokens(10).setOutputTokens(0).build();
      producer.send(new ProducerRecord<>(Topics.USAGE_RAW.name(), keys.get(0), codec.encode(retry))).get();
    }
  }

  private List<Alert> awaitAlerts(String tenant, Predicate<List<Alert>> done) {
    List<Alert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, Alert> consumer = new KafkaConsumer<>(consumerConfig(),
        Serdes.String().deserializer(), Topics.ALERTS.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.ALERTS.name()));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      boolean caughtUp = false;
      while (System.nanoTime() < deadline) {
        int polled = 0;
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          polled++;
          Alert alert = record.value();
          if (alert.getScope() != null && tenant.equals(alert.getScope().getTenantId()) && alert.getKind().equals("threshold")) {
            alerts.add(alert);
          }
        }
        caughtUp |= polled == 0 && !consumer.assignment().isEmpty();
        if (caughtUp && done.test(alerts)) {
          return alerts;
        }
      }
    }
    throw new AssertionError("timed out waiting for alerts of " + tenant + "; got " + alerts + "; see " + work.resolve("processor.log"));
  }

  private BudgetStatus awaitStatus(String budgetId, Predicate<BudgetStatus> done) {
    BudgetStatus latest = null;
    try (KafkaConsumer<String, BudgetStatus> consumer = new KafkaConsumer<>(consumerConfig(),
        Serdes.String().deserializer(), Topics.BUDGET_STATUS.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.BUDGET_STATUS.name()));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (budgetId.equals(record.key()) && record.value() != null) {
            latest = record.value();
          }
        }
        if (latest != null && done.test(latest)) {
          return latest;
        }
      }
    }
    throw new AssertionError("timed out waiting for the status of " + budgetId + "; last " + latest);
  }

  private static Map<String, Object> producerConfig() {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
  }

  private static Map<String, Object> consumerConfig() {
    return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
  }
}
