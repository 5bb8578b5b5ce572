package dev.tollgate.cli.kafka;

import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PriceEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** The compacted price topic: one record per provider/model/effective_from. */
public final class PriceCatalogTopic {
  private final String bootstrap;

  public PriceCatalogTopic(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  public void publish(List<PriceEntry> entries) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, PriceEntry> producer = new KafkaProducer<>(p,
        Topics.PRICES.keySerde().serializer(), Topics.PRICES.valueSerde().serializer())) {
      List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
      for (PriceEntry e : entries) {
        sent.add(producer.send(new ProducerRecord<>(Topics.PRICES.name(), PriceKeys.of(e), e)));
      }
      for (java.util.concurrent.Future<?> f : sent) {
        f.get();
      }
    }
  }

  /** The catalog as compaction will leave it: the last value of every key, tombstones removed. */
  public List<PriceEntry> readAll() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, BudgetTopics.READ_TO_END_FETCH_WAIT_MS);
    Map<String, PriceEntry> latest = new LinkedHashMap<>();
    try (KafkaConsumer<String, PriceEntry> consumer = new KafkaConsumer<>(p,
        Topics.PRICES.keySerde().deserializer(), Topics.PRICES.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRICES.name()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, PriceEntry> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.value() == null) {
            latest.remove(r.key());
          } else {
            latest.put(r.key(), r.value());
          }
        }
      }
    }
    return List.copyOf(latest.values());
  }

  public boolean isEmpty() {
    return readAll().isEmpty();
  }
}
