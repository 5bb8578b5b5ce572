package dev.tollgate.ingest.guard;

import static dev.tollgate.ingest.guard.GuardFixture.price;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.guard.Decision.Outcome;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.Topic;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.stack.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guard on the real broker, reading statuses written in transactions as the processor writes them. */
class BudgetGuardIT {
  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static String bootstrap;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<BudgetGuard> guards = new ArrayList<>();

  @BeforeAll
  static void createTopics() throws Exception {
    bootstrap = TestStack.kafka().bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      var existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> topic : Topics.ALL) {
        if (!existing.contains(topic.name())) {
          missing.add(topic.compacted()
              ? new NewTopic(topic.name(), 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
              : new NewTopic(topic.name(), 2, (short) 1));
        }
      }
      admin.createTopics(missing).all().get();
    }
  }

  @AfterEach
  void closeGuards() throws InterruptedException {
    for (BudgetGuard guard : guards) {
      guard.close();
    }
  }

  @Test
  void shouldDenyOnceABlockedHardStatusArrivesAndAllowAgainAfterItsTombstone() throws Exception {
    // given a guard that has read everything so far
    BudgetGuard guard = startedGuard();
    CallRequest call = new CallRequest("tenant-" + run, null, "u1", "chat", "openai", "gpt-4o", 100, 100);
    assertThat(guard.check(call).outcome()).isEqualTo(Outcome.ALLOW);

    // when the processor reports the tenant's hard budget used up
    inTransaction(blocked("b-" + run, call.tenantId()), true);

    // then
    Decision denied = await(() -> guard.check(call), d -> d.outcome() == Outcome.DENY);
    assertThat(denied.code()).isEqualTo("budget_exhausted");
    assertThat(denied.budgetId()).isEqualTo("b-" + run);

    // and when the budget is removed
    inTransaction(tombstone("b-" + run), true);

    // then
    await(() -> guard.check(call), d -> d.outcome() == Outcome.ALLOW);
  }

  @Test
  void shouldIgnoreStatusesOfAbortedTransactions() throws Exception {
    // given
    BudgetGuard guard = startedGuard();
    CallRequest aborted = new CallRequest("aborted-" + run, null, "u1", "chat", "openai", "gpt-4o", 100, 100);
    CallRequest committed = new CallRequest("committed-" + run, null, "u1", "chat", "openai", "gpt-4o", 100, 100);

    // when one status is written in an aborted transaction, then another in a committed one
    inTransaction(blocked("a-" + run, aborted.tenantId()), false);
    inTransaction(blocked("c-" + run, committed.tenantId()), true);

    // then once the committed one is seen, the aborted one has been passed over
    await(() -> guard.check(committed), d -> d.outcome() == Outcome.DENY);
    assertThat(guard.check(aborted).outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldKnowWhatWasPublishedBeforeItStartedOnceReady() throws Exception {
    // given
    CallRequest call = new CallRequest("early-" + run, null, "u1", "chat", "openai", "gpt-4o", 100, 100);
    inTransaction(blocked("e-" + run, call.tenantId()), true);

    // when
    BudgetGuard guard = startedGuard();

    // then without waiting further
    assertThat(guard.check(call).outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void shouldEstimateWithPricesFromThePriceTopic() throws Exception {
    // given
    BudgetGuard guard = startedGuard();
    PriceEntry entry = price("it", "model-" + run, "2024-01-01T00:00:00Z", "1.25", "10.00");

    // when
    try (KafkaProducer<String, PriceEntry> producer = new KafkaProducer<>(producerConfig(null),
        Topics.PRICES.keySerde().serializer(), Topics.PRICES.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.PRICES.name(), PriceKeys.of(entry), entry)).get();
    }

    // then 2,000 × 1.25 / 1M + 300 × 10.00 / 1M
    Estimate estimate = await(() -> {
      try {
        return guard.estimate("it", "model-" + run, 2_000, 300);
      } catch (UnknownModelException notYet) {
        return null;
      }
    }, e -> e != null);
    assertThat(estimate.costUsd()).isEqualTo("0.005500000000");
    assertThat(estimate.price()).isEqualTo(entry);
  }

  private BudgetGuard startedGuard() throws InterruptedException {
    BudgetGuard guard = BudgetGuard.start(GuardConfig.of(bootstrap).withClientId("it-guard-" + run));
    guards.add(guard);
    assertThat(guard.awaitReady(PATIENCE)).isTrue();
    return guard;
  }

  private static BudgetStatus blocked(String budgetId, String tenant) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return GuardFixture.status(budgetId, tenant)
        .period("day", now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS))
        .spend("50", "50").state("blocked").lastEventAt(now).build();
  }

  private static Map.Entry<String, BudgetStatus> tombstone(String budgetId) {
    return new AbstractMap.SimpleEntry<>(budgetId, null);
  }

  private void inTransaction(BudgetStatus status, boolean commit) throws Exception {
    inTransaction(new AbstractMap.SimpleEntry<>(status.getBudgetId(), status), commit);
  }

  /** As the processor writes statuses: exactly-once, in a transaction. */
  private void inTransaction(Map.Entry<String, BudgetStatus> record, boolean commit) throws Exception {
    try (KafkaProducer<String, BudgetStatus> producer = new KafkaProducer<>(producerConfig("it-status-" + UUID.randomUUID()),
        Topics.BUDGET_STATUS.keySerde().serializer(), Topics.BUDGET_STATUS.valueSerde().serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(Topics.BUDGET_STATUS.name(), record.getKey(), record.getValue())).get();
      if (commit) {
        producer.commitTransaction();
      } else {
        producer.abortTransaction();
      }
    }
  }

  private static <T> T await(Supplier<T> probe, Predicate<T> done) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    T last = probe.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + PATIENCE.toSeconds() + " s; last answer " + last);
      }
      Thread.sleep(20);
      last = probe.get();
    }
    return last;
  }

  private static Map<String, Object> producerConfig(String transactionalId) {
    Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    if (transactionalId != null) {
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    }
    return config;
  }
}
