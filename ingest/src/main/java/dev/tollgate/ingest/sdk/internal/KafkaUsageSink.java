package dev.tollgate.ingest.sdk.internal;

import dev.tollgate.ingest.sdk.RecorderConfig;
import dev.tollgate.ingest.sdk.UsageSink;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends events to the raw usage topic as the processor expects them: keyed by {@code event_id},
 * timestamped with {@code occurred_at}, Avro single-object encoded; idempotent with {@code acks=all},
 * so the producer's retries never write an event twice.
 */
public final class KafkaUsageSink implements UsageSink {
  private static final AtomicInteger STARTED = new AtomicInteger();
  /** Events are small and many; a short linger batches them without holding any back noticeably. */
  private static final int LINGER_MS = 5;
  /**
   * How long a send may wait for the broker's metadata or for room in the producer's memory. Short, so
   * that with the broker away the recorder's thread fails events to the callback within seconds
   * instead of stalling for a minute while the buffer overflows.
   */
  private static final int MAX_BLOCK_MS = 10_000;

  private final KafkaProducer<String, byte[]> producer;
  private final UsageEventCodec codec = new UsageEventCodec();
  private final String topic = Topics.USAGE_RAW.name();

  public KafkaUsageSink(RecorderConfig config) {
    int n = STARTED.incrementAndGet();
    String clientId = n == 1 ? config.clientId() : config.clientId() + "-" + n;
    this.producer = new KafkaProducer<>(properties(config, clientId), new StringSerializer(), new ByteArraySerializer());
  }

  static Properties properties(RecorderConfig config, String clientId) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
    return p;
  }

  @Override
  public void send(UsageEvent event, Consumer<Exception> onCompletion) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(
        topic, null, event.getOccurredAt().toEpochMilli(), event.getEventId(), codec.encode(event));
    producer.send(record, (metadata, error) -> onCompletion.accept(error));
  }

  @Override
  public void close(Duration timeout) {
    producer.close(timeout);
  }
}
