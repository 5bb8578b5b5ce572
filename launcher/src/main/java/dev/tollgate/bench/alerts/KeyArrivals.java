package dev.tollgate.bench.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Watches topics from their current end as a downstream consumer would (read_committed, so a record
 * counts only once its transaction committed) and notes when each wanted key first became readable.
 * Assigned, not subscribed: no group, no rebalance, and it never commits offsets.
 */
final class KeyArrivals implements AutoCloseable {
  /** When the record was read here, and the timestamp its producer gave it. */
  record Arrival(long receivedMs, long timestampMs) {}

  // The broker answers a fetch as soon as data is readable; this only bounds the wait of an idle fetch.
  private static final int FETCH_MAX_WAIT_MS = 100;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Predicate<String> wantedKey;
  private final Predicate<ConsumerRecord<String, byte[]>> accepted;
  private final Map<String, Arrival> first = new ConcurrentHashMap<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final Thread thread;

  /**
   * @param wantedKey a cheap test on the key, run for every record
   * @param accepted a further test on the records of a wanted key
   */
  KeyArrivals(String bootstrap, String name, List<String> topics, Predicate<String> wantedKey,
      Predicate<ConsumerRecord<String, byte[]>> accepted) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    this.wantedKey = wantedKey;
    this.accepted = accepted;
    try {
      List<TopicPartition> partitions = partitions(topics);
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // Resolves the end offsets now, so that nothing sent after this constructor returns is missed.
      partitions.forEach(consumer::position);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
    this.thread = new Thread(this::poll, name);
    thread.setDaemon(true);
    thread.start();
  }

  private List<TopicPartition> partitions(List<String> topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic);
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist; is the stack up (./tollgate up)?");
      }
      infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
    }
    return partitions;
  }

  private void poll() {
    try {
      while (running.get()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          long now = System.currentTimeMillis();
          if (r.key() != null && wantedKey.test(r.key()) && !first.containsKey(r.key()) && accepted.test(r)) {
            first.put(r.key(), new Arrival(now, r.timestamp()));
          }
        }
      }
    } catch (RuntimeException e) {
      failure.set(e);
    } finally {
      consumer.close();
    }
  }

  Arrival get(String key) {
    return first.get(key);
  }

  int count() {
    return first.size();
  }

  /** Rethrows what stopped the consumer, if anything did. */
  void check() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw new IllegalStateException("the consumer " + thread.getName() + " failed", e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(10_000);
  }
}
