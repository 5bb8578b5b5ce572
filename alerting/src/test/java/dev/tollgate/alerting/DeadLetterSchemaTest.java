package dev.tollgate.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import dev.tollgate.schemas.serde.SchemaHistory;
import java.time.Instant;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class DeadLetterSchemaTest {

  @Test
  void shouldKeepTheCurrentDeadLetterSchemaInItsHistory() {
    // given the dead letter embeds Alert: a new Alert version needs a new AlertDeadLetter version too
    long current = SchemaNormalization.parsingFingerprint64(AlertDeadLetter.getClassSchema());

    // when
    var history = SchemaHistory.versionsOf("AlertDeadLetter").stream().map(SchemaNormalization::parsingFingerprint64).toList();

    // then
    assertThat(history).contains(current);
  }

  @Test
  void shouldRoundTripADeadLetterWithItsAlert() {
    // given
    AlertDeadLetter parked = AlertDeadLetter.newBuilder()
        .setAlert(Alerts.alert("a-1", "critical"))
        .setSourceTopic("tollgate.alerts").setSourcePartition(1).setSourceOffset(42L)
        .setChannel("ops-hook").setChannelType("webhook").setDelivery("alert").setAttempts(7)
        .setFirstAttemptAt(Instant.parse("2026-03-20T10:00:00Z")).setLastAttemptAt(Instant.parse("2026-03-20T10:30:00Z"))
        .setLastError("HTTP 500").setParkedAt(Instant.parse("2026-03-20T10:30:00.123Z")).build();
    var serde = Topics.ALERTS_DEAD_LETTER.valueSerde();

    // when
    AlertDeadLetter back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", parked));

    // then
    assertThat(back).isEqualTo(parked);
  }
}
