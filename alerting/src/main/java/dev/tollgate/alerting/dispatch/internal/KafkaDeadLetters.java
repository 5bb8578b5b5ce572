package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.dispatch.DeadLetters;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/** Parks dead letters on a topic, waiting for the broker's acknowledgement. */
public final class KafkaDeadLetters implements DeadLetters {
  private static final long ACK_SECONDS = 30;
  private final Producer<byte[], byte[]> producer;
  private final String topic;

  public KafkaDeadLetters(Producer<byte[], byte[]> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  @Override
  public void park(String key, AlertDeadLetter record) {
    byte[] k = Topics.ALERTS_DEAD_LETTER.keySerde().serializer().serialize(topic, key);
    byte[] v = Topics.ALERTS_DEAD_LETTER.valueSerde().serializer().serialize(topic, record);
    send(producer, new ProducerRecord<>(topic, k, v));
  }

  static void send(Producer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
    try {
      producer.send(record).get(ACK_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new KafkaException("cannot write to " + record.topic() + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("no acknowledgement from " + record.topic() + " within " + ACK_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while writing to " + record.topic(), e);
    }
  }
}
