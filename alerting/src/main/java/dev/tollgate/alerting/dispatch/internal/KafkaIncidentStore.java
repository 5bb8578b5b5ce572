package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.dispatch.IncidentStore;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Open incidents on a compacted topic: the alert under its key while open, a tombstone once resolved. */
public final class KafkaIncidentStore implements IncidentStore {
  private static final Duration LOAD_LIMIT = Duration.ofSeconds(60);
  private final String bootstrap;
  private final String topic;
  private final Producer<byte[], byte[]> producer;

  public KafkaIncidentStore(String bootstrap, String topic, Producer<byte[], byte[]> producer) {
    this.bootstrap = bootstrap;
    this.topic = topic;
    this.producer = producer;
  }

  @Override
  public Map<String, Alert> load() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, Alert> open = new LinkedHashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, LOAD_LIMIT).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, LOAD_LIMIT);
      Instant deadline = Instant.now().plus(LOAD_LIMIT);
      while (!reached(consumer, end)) {
        if (Instant.now().isAfter(deadline)) {
          throw new KafkaException("cannot read the open incidents from " + topic + " within " + LOAD_LIMIT.toSeconds() + " s");
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          String key = Topics.ALERT_INCIDENTS.keySerde().deserializer().deserialize(topic, r.key());
          if (r.value() == null) {
            open.remove(key);
          } else {
            open.put(key, Topics.ALERT_INCIDENTS.valueSerde().deserializer().deserialize(topic, r.value()));
          }
        }
      }
    }
    return open;
  }

  private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  @Override
  public void open(String key, Alert alert) {
    KafkaDeadLetters.send(producer, new ProducerRecord<>(topic, keyBytes(key),
        Topics.ALERT_INCIDENTS.valueSerde().serializer().serialize(topic, alert)));
  }

  @Override
  public void close(String key) {
    KafkaDeadLetters.send(producer, new ProducerRecord<>(topic, keyBytes(key), null));
  }

  private byte[] keyBytes(String key) {
    return Topics.ALERT_INCIDENTS.keySerde().serializer().serialize(topic, key);
  }
}
