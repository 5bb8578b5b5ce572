package dev.tollgate.ingest.publish;

import dev.tollgate.ingest.UsageProducer;
import dev.tollgate.schemas.avro.UsageEvent;
import java.util.function.Consumer;

/** Sends accepted events to the raw usage topic. */
public final class KafkaEventSink implements EventSink, AutoCloseable {
  private final UsageProducer producer;

  public KafkaEventSink(UsageProducer producer) {
    this.producer = producer;
  }

  @Override
  public void send(UsageEvent event, Consumer<Exception> onCompletion) {
    producer.send(event, (metadata, error) -> onCompletion.accept(error));
  }

  @Override
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
