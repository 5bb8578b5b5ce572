package dev.tollgate.ingest.guard.internal;

import dev.tollgate.schemas.Topic;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.PriceEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the budget status and price topics whole, from the beginning, into a {@link GuardFeed}, then
 * follows them. Every guard reads everything and keeps no offsets, so it uses no consumer group:
 * it assigns itself all partitions. Read committed, because the processor writes statuses in
 * transactions and a status of an aborted one was never true.
 */
public final class GuardConsumer implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(GuardConsumer.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration TOPIC_RETRY = Duration.ofSeconds(1);

  private final KafkaConsumer<String, byte[]> consumer;
  private final GuardFeed feed;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean running = true;

  public GuardConsumer(String bootstrap, String clientId, GuardFeed feed) {
    this.feed = feed;
    this.consumer = new KafkaConsumer<>(properties(bootstrap, clientId), new StringDeserializer(), new ByteArrayDeserializer());
  }

  static Properties properties(String bootstrap, String clientId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return p;
  }

  @Override
  public void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (running) {
        apply(consumer.poll(POLL));
        if (ready.getCount() > 0 && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
          LOG.info("budget guard caught up: budget statuses of {} tenant(s)", feed.statusIndex().tenants());
          ready.countDown();
        }
      }
    } catch (WakeupException e) {
      if (running) {
        failure.set(e);
      }
    } catch (RuntimeException | InterruptedException e) {
      LOG.error("budget guard stopped reading statuses and prices; it answers from what it read so far", e);
      failure.set(e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** Waits for the topics to exist (a service may start before the stack); empty when closed meanwhile. */
  private List<TopicPartition> awaitPartitions() throws InterruptedException {
    boolean warned = false;
    while (running) {
      List<TopicPartition> partitions = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      for (Topic<?, ?> topic : List.of(Topics.BUDGET_STATUS, Topics.PRICES)) {
        List<PartitionInfo> infos = partitionsOf(topic.name());
        if (infos == null || infos.isEmpty()) {
          missing.add(topic.name());
        } else {
          infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
        }
      }
      if (missing.isEmpty()) {
        return partitions;
      }
      if (!warned) {
        LOG.warn("topics {} do not exist yet; the budget guard waits for them (./tollgate up creates them)", missing);
        warned = true;
      }
      Thread.sleep(TOPIC_RETRY.toMillis());
    }
    return List.of();
  }

  /** Null while the broker cannot be reached, so that a guard started before its broker keeps trying. */
  private List<PartitionInfo> partitionsOf(String topic) {
    try {
      return consumer.partitionsFor(topic);
    } catch (TimeoutException e) {
      LOG.warn("cannot reach Kafka to look up {} yet: {}", topic, e.getMessage());
      return null;
    }
  }

  private void apply(ConsumerRecords<String, byte[]> records) {
    if (records.isEmpty()) {
      return;
    }
    Map<String, BudgetStatus> statuses = new LinkedHashMap<>();
    Map<String, PriceEntry> prices = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      if (r.topic().equals(Topics.BUDGET_STATUS.name())) {
        read(Topics.BUDGET_STATUS, r, statuses);
      } else {
        read(Topics.PRICES, r, prices);
      }
    }
    feed.prices(prices);
    feed.statuses(statuses);
  }

  /** A record this version cannot read is skipped with a warning, so that it cannot hide the others. */
  private static <V> void read(Topic<String, V> topic, ConsumerRecord<String, byte[]> r, Map<String, V> into) {
    if (r.key() == null) {
      LOG.warn("{}-{} offset {} has no key; skipped", r.topic(), r.partition(), r.offset());
      return;
    }
    if (r.value() == null) {
      into.put(r.key(), null);
      return;
    }
    try {
      into.put(r.key(), topic.valueSerde().deserializer().deserialize(r.topic(), r.value()));
    } catch (KafkaException | AvroRuntimeException e) {
      LOG.warn("{}-{} offset {} ({}) cannot be read; skipped: {}", r.topic(), r.partition(), r.offset(), r.key(), e.getMessage());
    }
  }

  /** @return true once caught up with the ends the topics had at start */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    boolean caughtUp = ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    Throwable failed = failure.get();
    if (!caughtUp && failed != null) {
      throw new IllegalStateException("the budget guard could not read its topics: " + failed, failed);
    }
    return caughtUp;
  }

  public boolean ready() {
    return ready.getCount() == 0;
  }

  public void stop() {
    running = false;
    consumer.wakeup();
  }
}
