package dev.tollgate.ingest;

import dev.tollgate.config.Env;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends usage events to the raw topic the way the processor expects them: keyed by
 * {@code event_id} (so every copy of an event lands in one partition and deduplicates there),
 * timestamped with {@code occurred_at}, Avro single-object encoded. Idempotent with
 * {@code acks=all}, so the producer's own retries never write an event twice.
 */
public final class UsageProducer implements AutoCloseable {
  private final KafkaProducer<String, byte[]> producer;
  private final UsageEventCodec codec = new UsageEventCodec();
  private final String topic;

  /** Compression from {@code TOLLGATE_KAFKA_COMPRESSION} (see {@link Env#kafkaCompression()}). */
  public UsageProducer(String bootstrapServers) {
    this(bootstrapServers, Topics.USAGE_RAW.name(), Env.system().kafkaCompression());
  }

  public UsageProducer(String bootstrapServers, String topic, String compression) {
    this.topic = topic;
    this.producer = new KafkaProducer<>(properties(bootstrapServers, compression),
        new StringSerializer(), new ByteArraySerializer());
  }

  static Properties properties(String bootstrapServers, String compression) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "tollgate-usage-producer");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Events are small and many: batching with a short linger keeps the broker's work per event low.
    p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
    return p;
  }

  public Future<RecordMetadata> send(UsageEvent event, Callback callback) {
    return send(event.getEventId(), event, callback);
  }

  /** Sends under an explicit key; the processor re-keys events whose key is not their event_id. */
  public Future<RecordMetadata> send(String key, UsageEvent event, Callback callback) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(
        topic, null, event.getOccurredAt().toEpochMilli(), key, codec.encode(event));
    return producer.send(record, callback);
  }

  /**
   * Sends a value already in the raw topic's format (as {@link UsageEventCodec#encode} writes it),
   * for callers that keep events encoded, such as a load generator. Nothing is checked here; the
   * processor validates every value it reads.
   */
  public Future<RecordMetadata> sendEncoded(String eventId, long occurredAtMs, byte[] value, Callback callback) {
    return producer.send(new ProducerRecord<>(topic, null, occurredAtMs, eventId, value), callback);
  }

  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
