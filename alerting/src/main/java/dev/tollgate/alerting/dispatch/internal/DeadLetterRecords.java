package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import java.nio.ByteBuffer;
import java.time.Instant;

/** The dead letter of a delivery that is given up. */
final class DeadLetterRecords {
  private DeadLetterRecords() {}

  static AlertDeadLetter of(Delivery d, Instant now) {
    PendingAlert a = d.alert;
    return AlertDeadLetter.newBuilder()
        .setAlert(a.alert)
        .setOriginalValue(a.alert == null && a.raw != null ? ByteBuffer.wrap(a.raw) : null)
        .setSourceTopic(a.partition.topic())
        .setSourcePartition(a.partition.partition())
        .setSourceOffset(a.offset)
        .setChannel(d.channel == null ? null : d.channel.name())
        .setChannelType(d.channel == null ? null : d.channel.spec().type())
        .setDelivery(d.what)
        .setAttempts(d.attempts.count())
        .setFirstAttemptAt(d.attempts.first())
        .setLastAttemptAt(d.attempts.last())
        .setLastError(d.attempts.lastError())
        .setParkedAt(now)
        .build();
  }

  static AlertDeadLetter ofResolve(String incidentsTopic, String channel, String channelType, Alert alert,
      Attempts attempts, Instant now) {
    return AlertDeadLetter.newBuilder()
        .setAlert(alert)
        .setSourceTopic(incidentsTopic)
        .setChannel(channel)
        .setChannelType(channelType)
        .setDelivery("resolve")
        .setAttempts(attempts.count())
        .setFirstAttemptAt(attempts.first())
        .setLastAttemptAt(attempts.last())
        .setLastError(attempts.lastError())
        .setParkedAt(now)
        .build();
  }
}
