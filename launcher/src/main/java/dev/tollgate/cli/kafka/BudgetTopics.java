package dev.tollgate.cli.kafka;

import dev.tollgate.schemas.Topic;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compacted budget topics: {@code tollgate.budgets}, which {@code budgets apply} and {@code rm}
 * write, and {@code tollgate.budget.status}, which the budget processor writes.
 */
public final class BudgetTopics {
  private static final Logger log = LoggerFactory.getLogger(BudgetTopics.class);
  private static final Duration READ_LIMIT = Duration.ofSeconds(30);
  private static final int CLIENT_TIMEOUT_MS = 15_000;
  /**
   * A reader that stops at the end offsets never waits for new records, and the default fetch wait of
   * 500 ms made each read of a topic take over half a second (43 ms with 10 ms, measured here).
   */
  static final int READ_TO_END_FETCH_WAIT_MS = 10;

  private final String bootstrap;

  public BudgetTopics(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** Sends every budget, keyed by budget_id; returns once the broker has acknowledged all of them. */
  public void publish(List<Budget> budgets) throws ExecutionException, InterruptedException {
    try (KafkaProducer<String, Budget> producer = producer()) {
      List<Future<?>> sent = new ArrayList<>();
      for (Budget b : budgets) {
        sent.add(producer.send(new ProducerRecord<>(Topics.BUDGETS.name(), b.getBudgetId(), b)));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    }
  }

  /** Writes the tombstone that removes a budget. */
  public void remove(String budgetId) throws ExecutionException, InterruptedException {
    try (KafkaProducer<String, Budget> producer = producer()) {
      producer.send(new ProducerRecord<>(Topics.BUDGETS.name(), budgetId, null)).get();
    }
  }

  /** The current budgets by id, as compaction will leave them: the last value of each key, tombstones removed. */
  public SortedMap<String, Budget> budgets() {
    return latest(Topics.BUDGETS);
  }

  /** The last status the budget processor reported for each budget, by id. */
  public SortedMap<String, BudgetStatus> statuses() {
    return latest(Topics.BUDGET_STATUS);
  }

  private KafkaProducer<String, Budget> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, CLIENT_TIMEOUT_MS);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * CLIENT_TIMEOUT_MS);
    return new KafkaProducer<>(p, Topics.BUDGETS.keySerde().serializer(), Topics.BUDGETS.valueSerde().serializer());
  }

  /**
   * Reads the topic from its start to its end. Read committed: the budget processor writes in
   * transactions, and a record of an aborted one never happened. Values stay bytes until read one by
   * one, so that a record this version cannot decode is skipped with a warning instead of hiding the rest.
   */
  private <V> SortedMap<String, V> latest(Topic<String, V> topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, READ_TO_END_FETCH_WAIT_MS);
    // Until compaction runs, a status topic holds many updates per budget: only the last is decoded.
    Map<String, ConsumerRecord<String, byte[]>> last = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = partitions(consumer, topic.name());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + READ_LIMIT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " to its end within " + READ_LIMIT.toSeconds() + " s");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() == null) {
            log.warn("{}-{} offset {} has no key; skipped", r.topic(), r.partition(), r.offset());
          } else {
            last.put(r.key(), r);
          }
        }
      }
    }
    SortedMap<String, V> latest = new TreeMap<>();
    last.values().forEach(r -> apply(topic, r, latest));
    return latest;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException("topic " + topic + " does not exist; ./tollgate up creates it");
    }
    return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
  }

  private static <V> void apply(Topic<String, V> topic, ConsumerRecord<String, byte[]> r, Map<String, V> latest) {
    if (r.value() == null) {
      latest.remove(r.key());
      return;
    }
    try {
      latest.put(r.key(), topic.valueSerde().deserializer().deserialize(r.topic(), r.value()));
    } catch (KafkaException e) {
      log.warn("{}-{} offset {} ({}) cannot be read; skipped: {}", r.topic(), r.partition(), r.offset(), r.key(), e.getMessage());
    }
  }
}
