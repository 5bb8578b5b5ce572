package dev.tollgate.ingest.gateway.internal;

import dev.tollgate.ingest.gateway.GatewayConfig;
import dev.tollgate.ingest.publish.EventSink;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.UsageEventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends the gateway's events to the raw usage topic as the processor expects them (keyed by
 * {@code event_id}, timestamped with {@code occurred_at}, Avro single-object encoded), idempotent with
 * {@code acks=all}. Unlike a publisher's producer, every wait is bounded by the gateway's ack timeout:
 * a send blocks a request thread for at most a second (metadata, buffer room), and a record Kafka has
 * not acknowledged within the ack timeout fails instead of being retried behind the caller's back
 * after the caller was told it failed. Remembers whether the last send succeeded, for the health check.
 */
public final class KafkaGatewaySink implements EventSink, AutoCloseable {
  /**
   * Each request waits for its own events' acknowledgement, so every millisecond of linger is a
   * millisecond of latency; concurrent requests still share produce requests within it.
   */
  private static final int LINGER_MS = 1;
  private static final long MAX_BLOCK_MS = 1_000;

  private final KafkaProducer<String, byte[]> producer;
  private final UsageEventCodec codec = new UsageEventCodec();
  private final String topic = Topics.USAGE_RAW.name();
  private final KafkaClientMetrics clientMetrics;
  private volatile boolean lastSucceeded = true;
  private final AtomicReference<String> lastError = new AtomicReference<>();

  public KafkaGatewaySink(GatewayConfig config, MeterRegistry registry) {
    this.producer = new KafkaProducer<>(properties(config), new StringSerializer(), new ByteArraySerializer());
    this.clientMetrics = new KafkaClientMetrics(producer);
    clientMetrics.bindTo(registry);
  }

  static Properties properties(GatewayConfig config) {
    long ackMs = config.ackTimeout().toMillis();
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrap());
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "tollgate-gateway");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Math.max(64L * 1024 * 1024, 2 * config.maxInFlightBytes()));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(MAX_BLOCK_MS, ackMs));
    // Kafka requires delivery.timeout.ms ≥ linger.ms + request.timeout.ms.
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackMs);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ackMs - LINGER_MS);
    return p;
  }

  /** Fails through the callback, or throws when the event cannot even be handed to the producer. */
  @Override
  public void send(UsageEvent event, Consumer<Exception> onCompletion) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(
        topic, null, event.getOccurredAt().toEpochMilli(), event.getEventId(), codec.encode(event));
    try {
      producer.send(record, (metadata, error) -> {
        noteOutcome(error);
        onCompletion.accept(error);
      });
    } catch (RuntimeException e) {
      noteOutcome(e);
      throw e;
    }
  }

  private void noteOutcome(Exception error) {
    if (error != null) {
      lastError.set(error.getClass().getSimpleName() + ": " + error.getMessage());
    }
    lastSucceeded = error == null;
  }

  /** False while the newest outcome of a send is a failure. */
  public boolean available() {
    return lastSucceeded;
  }

  public String lastError() {
    return lastError.get();
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    clientMetrics.close();
    producer.close(Duration.ofSeconds(10));
  }
}
