package dev.tollgate.analytics.alerts.internal;

import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Deserializer;

/** Alerts read from Kafka and not yet acknowledged by ClickHouse, as one RowBinary body. */
public final class AlertBatch {
  private final Deserializer<Alert> values = Topics.ALERTS.valueSerde().deserializer();
  private final RowBinary rows = new RowBinary(1 << 14);
  private int size;

  /**
   * Decodes, encodes and keeps the alert of one record. A record that is no readable alert, or holds
   * a value the table cannot store, is left out: sent, it would make ClickHouse refuse the whole
   * batch, on every retry. Returns why it was left out; the batch then stays as it was.
   */
  public Optional<String> add(String topic, byte[] value) {
    Alert alert;
    try {
      alert = values.deserialize(topic, value);
    } catch (KafkaException e) {
      return Optional.of("not a readable alert: " + e.getMessage());
    }
    if (alert == null) {
      return Optional.of("no value");
    }
    int start = rows.length();
    try {
      AlertRowEncoder.write(rows, alert);
    } catch (IllegalArgumentException e) {
      rows.truncate(start);
      return Optional.of("alert " + alert.getAlertId() + " holds a value ClickHouse cannot store: " + e.getMessage());
    }
    size++;
    return Optional.empty();
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The rows' bytes without a copy: valid up to {@link #length()} until the batch changes. */
  public byte[] buffer() {
    return rows.array();
  }

  public int length() {
    return rows.length();
  }

  public void clear() {
    rows.reset();
    size = 0;
  }
}
