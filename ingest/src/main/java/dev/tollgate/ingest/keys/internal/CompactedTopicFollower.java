package dev.tollgate.ingest.keys.internal;

import dev.tollgate.schemas.Topic;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.AvroRuntimeException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a compacted topic whole, from the beginning, and then follows it, handing each poll's newest
 * value per key (null for a tombstone) to a consumer of changes. Every reader keeps everything and no
 * offsets, so it uses no consumer group. Read committed, because some topics are written in
 * transactions, and a record of an aborted one never happened. While the broker is away it keeps
 * trying; what it has read stays in place.
 */
public final class CompactedTopicFollower<V> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CompactedTopicFollower.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration RETRY = Duration.ofSeconds(1);

  private final Topic<String, V> topic;
  private final Consumer<Map<String, V>> onChanges;
  private final KafkaConsumer<String, byte[]> consumer;
  private final CountDownLatch ready = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  private CompactedTopicFollower(String bootstrap, String clientId, Topic<String, V> topic, Consumer<Map<String, V>> onChanges) {
    this.topic = topic;
    this.onChanges = onChanges;
    this.consumer = new KafkaConsumer<>(properties(bootstrap, clientId), new StringDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, clientId);
    this.thread.setDaemon(true);
  }

  /** Starts reading on a thread of its own, named {@code clientId}. */
  public static <V> CompactedTopicFollower<V> start(String bootstrap, String clientId, Topic<String, V> topic,
      Consumer<Map<String, V>> onChanges) {
    CompactedTopicFollower<V> follower = new CompactedTopicFollower<>(bootstrap, clientId, topic, onChanges);
    follower.thread.start();
    return follower;
  }

  private static Properties properties(String bootstrap, String clientId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return p;
  }

  /** @return true once the records that were on the topic when reading began have been handed over */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  public boolean ready() {
    return ready.getCount() == 0;
  }

  private void run() {
    try {
      List<TopicPartition> partitions = awaitPartitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = null;
      while (running) {
        try {
          if (end == null) {
            end = consumer.endOffsets(partitions);
          }
          apply(consumer.poll(POLL));
          if (ready.getCount() > 0 && caughtUp(partitions, end)) {
            ready.countDown();
          }
        } catch (WakeupException e) {
          throw e;
        } catch (KafkaException e) {
          LOG.warn("cannot read {} for now, trying again: {}", topic.name(), e.getMessage());
          Thread.sleep(RETRY.toMillis());
        }
      }
    } catch (WakeupException e) {
      if (running) {
        LOG.error("stopped following {} unexpectedly", topic.name(), e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("stopped following {}; what was read so far stays in use", topic.name(), e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private boolean caughtUp(List<TopicPartition> partitions, Map<TopicPartition, Long> end) {
    for (TopicPartition tp : partitions) {
      if (consumer.position(tp) < end.get(tp)) {
        return false;
      }
    }
    return true;
  }

  /** Waits for the topic to exist (a service may start before the stack); empty when closed meanwhile. */
  private List<TopicPartition> awaitPartitions() throws InterruptedException {
    boolean warned = false;
    while (running) {
      List<PartitionInfo> infos = null;
      try {
        infos = consumer.partitionsFor(topic.name());
      } catch (WakeupException e) {
        throw e;
      } catch (KafkaException e) {
        LOG.warn("cannot reach Kafka to look up {} yet: {}", topic.name(), e.getMessage());
      }
      if (infos != null && !infos.isEmpty()) {
        return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      }
      if (!warned) {
        LOG.warn("topic {} does not exist yet; waiting for it (./tollgate up creates it)", topic.name());
        warned = true;
      }
      Thread.sleep(RETRY.toMillis());
    }
    return List.of();
  }

  private void apply(ConsumerRecords<String, byte[]> records) {
    if (records.isEmpty()) {
      return;
    }
    Map<String, V> changes = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      read(r, changes);
    }
    if (!changes.isEmpty()) {
      onChanges.accept(changes);
    }
  }

  /**
   * A record this version cannot read counts as a tombstone of its key, with a warning: it cannot hide
   * the other records, and a key whose newest record is unknown is better forgotten (an API key
   * refused) than kept at an older value (a revoked key honoured).
   */
  private void read(ConsumerRecord<String, byte[]> r, Map<String, V> into) {
    if (r.key() == null) {
      LOG.warn("{}-{} offset {} has no key; skipped", r.topic(), r.partition(), r.offset());
      return;
    }
    V value = null;
    if (r.value() != null) {
      try {
        value = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
      } catch (KafkaException | AvroRuntimeException e) {
        LOG.warn("{}-{} offset {} ({}) cannot be read; its key is dropped: {}", r.topic(), r.partition(), r.offset(), r.key(),
            e.getMessage());
      }
    }
    into.put(r.key(), value);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(Duration.ofSeconds(10).toMillis());
  }
}
