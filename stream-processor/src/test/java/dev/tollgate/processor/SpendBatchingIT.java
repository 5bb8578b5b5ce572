package dev.tollgate.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.avro.UsageSpend;
import dev.tollgate.schemas.serde.UsageEventCodec;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pricing topology on the real broker, where a commit covers many events: budgets get the spend
 * summed per scope, to the last 1e-12 USD, in far fewer records than events.
 */
class SpendBatchingIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final Instant MINUTE = Instant.parse("2026-03-01T10:00:00Z");
  private static final int CALLS = 3000;
  private static String bootstrap;

  @TempDir
  Path stateDir;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  private KafkaStreams streams;

  @BeforeAll
  static void createTopics() throws Exception {
    bootstrap = TestStack.kafka().bootstrapServers();
    TestTopics.createMissing(bootstrap);
  }

  @AfterEach
  void stop() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldSendBudgetsTheSpendOfManyEventsSummedPerScopeInFewRecords() throws Exception {
    // given $1 per million input tokens, 3,000 calls of two tenants and two users within one minute
    // (call i has i + 1 tokens), a retry of each of the first ten, and a call of an unknown model
    // (priced by the only model of its provider), all published before the processor starts, so
    // that each of its first commits covers many
    publishPrice();
    List<UsageEvent> calls = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      calls.add(call("call-" + suffix + "-" + i, tenant(i % 2), "u-" + (i % 4 / 2), model(), i + 1, MINUTE.plusMillis(i * 10L)));
    }
    calls.addAll(calls.subList(0, 10));
    calls.add(call("unknown-" + suffix, tenant(0), "u-0", "unknown-model", 1_000_000, MINUTE.plusSeconds(45)));
    publish(calls);

    // when
    streams = new KafkaStreams(PricingTopology.buildTopology(config()), config().streamsProperties());
    streams.start();
    List<ConsumerRecord<String, UsageSpend>> spend = awaitSpend(CALLS + 1);

    // then every event counted once, the sums exact and equal to the priced events' costs
    Map<String, BigDecimal> expected = new HashMap<>();
    for (int i = 0; i < CALLS; i++) {
      expected.merge(tenant(i % 2), new BigDecimal(i + 1).movePointLeft(6), BigDecimal::add);
    }
    expected.merge(tenant(0), BigDecimal.ONE, BigDecimal::add);
    assertThat(sumByTenant(spend)).isEqualTo(withScale12(expected));
    assertThat(pricedCostByTenant(CALLS + 1)).isEqualTo(withScale12(expected));
    assertThat(spend).hasSizeLessThan(CALLS / 10)
        .anySatisfy(r -> assertThat(r.value().getEvents()).isGreaterThan(10));
    assertThat(spend).filteredOn(r -> r.value().getFallback() != null).singleElement()
        .satisfies(r -> assertThat(r.value().getEvents()).isEqualTo(1));
    assertThat(spend).allSatisfy(r -> {
      assertThat(r.key()).isEqualTo(r.value().getTenantId());
      assertThat(r.timestamp()).isEqualTo(r.value().getOccurredAt().toEpochMilli());
    });
  }

  private String tenant(int n) {
    return "batch-" + suffix + "-" + n;
  }

  private String model() {
    return "cent-" + suffix;
  }

  private ProcessorConfig config() {
    return new ProcessorConfig("it-spend-" + suffix, bootstrap, stateDir, 1, ProcessorConfig.DEFAULT_COMMIT_INTERVAL,
        ProcessorConfig.DEFAULT_DEDUP_HORIZON, PriceFallback.parse(PriceFallback.DEAREST), "none");
  }

  private UsageEvent call(String id, String tenant, String user, String model, long inputTokens, Instant at) {
    String provider = "it-" + suffix;
    return UsageEvent.newBuilder().setEventId(id).setOccurredAt(at).setTenantId(tenant).setTeamId("team")
        .setUserId(user).setFeature("chat").setProvider(provider).setModel(model)
        .setInputTokens(inputTokens).setOutputTokens(0).build();
  }

  private void publishPrice() throws Exception {
    PriceEntry entry = PriceEntry.newBuilder().setProvider("it-" + suffix).setModel(model())
        .setEffectiveFrom(Instant.parse("2020-01-01T00:00:00Z"))
        .setInputPerMtok(BigDecimal.ONE.setScale(12)).setOutputPerMtok(BigDecimal.ZERO.setScale(12)).build();
    try (KafkaProducer<String, PriceEntry> producer = new KafkaProducer<>(producerConfig(),
        Serdes.String().serializer(), Topics.PRICES.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.PRICES.name(), PriceKeys.of(entry), entry)).get();
    }
  }

  private static void publish(List<UsageEvent> calls) {
    UsageEventCodec codec = new UsageEventCodec();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(),
        Serdes.String().serializer(), Serdes.ByteArray().serializer())) {
      for (UsageEvent call : calls) {
        producer.send(new ProducerRecord<>(Topics.USAGE_RAW.name(), null, call.getOccurredAt().toEpochMilli(),
            call.getEventId(), codec.encode(call)));
      }
    }
  }

  private List<ConsumerRecord<String, UsageSpend>> awaitSpend(int events) {
    List<ConsumerRecord<String, UsageSpend>> ours = new ArrayList<>();
    int counted = 0;
    try (KafkaConsumer<String, UsageSpend> consumer = consumer(Topics.USAGE_SPEND.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.USAGE_SPEND.name()));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (counted < events && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, UsageSpend> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.key().startsWith("batch-" + suffix)) {
            ours.add(record);
            counted += record.value().getEvents();
          }
        }
      }
    }
    assertThat(counted).as("events summed on the spend topic").isEqualTo(events);
    return ours;
  }

  private Map<String, BigDecimal> pricedCostByTenant(int events) {
    Map<String, BigDecimal> cost = new HashMap<>();
    int seen = 0;
    try (KafkaConsumer<String, PricedUsageEvent> consumer = consumer(Topics.USAGE_PRICED.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.USAGE_PRICED.name()));
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (seen < events && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, PricedUsageEvent> record : consumer.poll(Duration.ofMillis(500))) {
          String tenant = record.value().getEvent().getTenantId();
          if (tenant.startsWith("batch-" + suffix)) {
            cost.merge(tenant, record.value().getCostUsd(), BigDecimal::add);
            seen++;
          }
        }
      }
    }
    assertThat(seen).as("priced events").isEqualTo(events);
    return cost;
  }

  private static Map<String, BigDecimal> sumByTenant(List<ConsumerRecord<String, UsageSpend>> spend) {
    Map<String, BigDecimal> sums = new HashMap<>();
    spend.forEach(r -> sums.merge(r.key(), r.value().getCostUsd(), BigDecimal::add));
    return sums;
  }

  private static Map<String, BigDecimal> withScale12(Map<String, BigDecimal> sums) {
    Map<String, BigDecimal> scaled = new HashMap<>();
    sums.forEach((k, v) -> scaled.put(k, v.setScale(12)));
    return scaled;
  }

  private static <V> KafkaConsumer<String, V> consumer(Deserializer<V> values) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), Serdes.String().deserializer(), values);
  }

  private static Map<String, Object> producerConfig() {
    return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
  }
}
