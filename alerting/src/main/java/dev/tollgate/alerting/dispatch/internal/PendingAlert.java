package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.routes.Severity;
import dev.tollgate.schemas.avro.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/** One record of the alerts topic, with a delivery for each channel its route names. */
public final class PendingAlert {
  final TopicPartition partition;
  final long offset;
  final String key;
  /** Null when the record could not be read as an Alert. */
  final Alert alert;
  final byte[] raw;
  final Instant producedAt;
  final Severity severity;
  final List<Delivery> deliveries = new ArrayList<>();

  PendingAlert(TopicPartition partition, long offset, String key, Alert alert, byte[] raw, Instant producedAt) {
    this.partition = partition;
    this.offset = offset;
    this.key = key;
    this.alert = alert;
    this.raw = raw;
    this.producedAt = producedAt;
    this.severity = alert == null ? Severity.CRITICAL : Severity.ofAlert(alert.getSeverity());
  }

  public long offset() {
    return offset;
  }

  public List<Delivery> deliveries() {
    return deliveries;
  }

  boolean done() {
    return deliveries.stream().allMatch(d -> d.state == Delivery.State.DONE);
  }

  /** Later alerts of the partition may go ahead: every channel accepted it, parked it, or holds it in a digest. */
  boolean settled() {
    return deliveries.stream().allMatch(Delivery::settled);
  }
}
