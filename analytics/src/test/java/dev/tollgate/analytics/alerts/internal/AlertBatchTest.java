package dev.tollgate.analytics.alerts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlertBatchTest {
  private static final String TOPIC = "tollgate.alerts";

  @Test
  void shouldKeepReadableAlertsAndLeaveOutTheRestWithTheirReason() {
    // given
    AlertBatch batch = new AlertBatch();
    batch.add(TOPIC, encode(alert("a1", Instant.parse("2026-11-20T10:00:00Z"))));
    int lengthWithOne = batch.length();

    // when
    var notAvro = batch.add(TOPIC, "{\"alert_id\": \"a2\"}".getBytes(StandardCharsets.UTF_8));
    var tombstone = batch.add(TOPIC, null);
    var beforeEpoch = batch.add(TOPIC, encode(alert("a3", Instant.parse("1969-12-31T23:59:59Z"))));
    var afterDateTimeEnds = batch.add(TOPIC, encode(alert("a4", Instant.parse("2106-02-07T06:28:16Z"))));
    var another = batch.add(TOPIC, encode(alert("a5", Instant.parse("2026-11-20T10:00:01Z"))));

    // then
    assertThat(notAvro).hasValueSatisfying(r -> assertThat(r).startsWith("not a readable alert"));
    assertThat(tombstone).contains("no value");
    assertThat(beforeEpoch).hasValueSatisfying(r -> assertThat(r).contains("a3", "triggered_at"));
    assertThat(afterDateTimeEnds).hasValueSatisfying(r -> assertThat(r).contains("a4", "triggered_at"));
    assertThat(another).isEmpty();
    assertThat(batch.size()).isEqualTo(2);
    assertThat(batch.length()).as("the refused rows left nothing behind").isEqualTo(2 * lengthWithOne);
  }

  @Test
  void shouldBeEmptyAfterClear() {
    // given
    AlertBatch batch = new AlertBatch();
    batch.add(TOPIC, encode(alert("a1", Instant.parse("2026-11-20T10:00:00Z"))));

    // when
    batch.clear();

    // then
    assertThat(batch.isEmpty()).isTrue();
    assertThat(batch.length()).isZero();
  }

  /** Avro itself refuses decimals beyond precision 38 or scale 12, so times are what ClickHouse cannot store. */
  private static Alert alert(String id, Instant at) {
    return Alert.newBuilder()
        .setAlertId(id)
        .setKind("threshold")
        .setSeverity("warning")
        .setBudgetId("b")
        .setLimitUsd(new BigDecimal("500").setScale(12))
        .setTriggeredAt(at)
        .setMessage("m")
        .build();
  }

  private static byte[] encode(Alert alert) {
    return Topics.ALERTS.valueSerde().serializer().serialize(TOPIC, alert);
  }
}
