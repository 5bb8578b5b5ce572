package dev.tollgate.analytics.reprice;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.CostCorrection;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends corrections to {@code tollgate.usage.corrections}, keyed by correction id, with an idempotent
 * producer and {@code acks=all}: once {@link #flush()} returns, every correction is durably in Kafka.
 */
public final class KafkaCorrectionSink implements CorrectionSink, AutoCloseable {
  private final KafkaProducer<String, CostCorrection> producer;
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  public KafkaCorrectionSink(String bootstrap, String compression) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "tollgate-reprice");
    this.producer = new KafkaProducer<>(p, Topics.USAGE_CORRECTIONS.keySerde().serializer(),
        Topics.USAGE_CORRECTIONS.valueSerde().serializer());
  }

  @Override
  public void send(CostCorrection correction) {
    throwIfFailed();
    producer.send(new ProducerRecord<>(Topics.USAGE_CORRECTIONS.name(), correction.getCorrectionId(), correction),
        (metadata, e) -> {
          if (e != null) {
            failure.compareAndSet(null, e);
          }
        });
  }

  @Override
  public void flush() {
    producer.flush();
    throwIfFailed();
  }

  @Override
  public void close() {
    producer.close();
  }

  private void throwIfFailed() {
    Exception e = failure.get();
    if (e != null) {
      throw new IllegalStateException("cannot send corrections to " + Topics.USAGE_CORRECTIONS.name() + ": " + e.getMessage(), e);
    }
  }
}
