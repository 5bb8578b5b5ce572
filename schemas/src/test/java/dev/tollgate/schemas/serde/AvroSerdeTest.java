package dev.tollgate.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import dev.tollgate.schemas.avro.ApiKey;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.CostCorrection;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.RejectedEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.avro.UsageSpend;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private final AvroSerde<UsageEvent> serde = new AvroSerde<>(UsageEvent::new);

  @Test
  void shouldRoundTripTheCurrentVersionWithDecimalsAndInstants() {
    // given
    UsageEvent event = Samples.event("e-1").setAudioSeconds(new BigDecimal("12.345"))
        .setAmountUsd(null).setAttributes(Map.of("region", "eu")).build();

    // when
    UsageEvent back = serde.deserialize("t", serde.serialize("t", event));

    // then
    assertThat(back).isEqualTo(event);
    assertThat(back.getAudioSeconds()).isEqualByComparingTo("12.345");
    assertThat(back.getOccurredAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123Z"));
  }

  @Test
  void shouldReadARecordWrittenWithTheOldestSchemaVersionAsTheCurrentClass() throws IOException {
    // given a record written by a producer that still has UsageEvent v1
    Schema v1 = SchemaHistory.versionsOf("UsageEvent").get(0);
    assertThat(v1.getField("amount_usd")).isNull();
    GenericRecord old = new GenericData.Record(v1);
    old.put("event_id", "old-1");
    old.put("occurred_at", Instant.parse("2026-03-01T00:00:00Z").toEpochMilli());
    old.put("tenant_id", "acme");
    old.put("user_id", "u1");
    old.put("feature", "chat");
    old.put("provider", "openai");
    old.put("model", "gpt-4o");
    old.put("input_tokens", 100L);
    old.put("output_tokens", 20L);
    old.put("cached_input_tokens", 0L);
    old.put("batch", false);
    old.put("estimated", false);
    old.put("attributes", Map.of());

    // when
    UsageEvent read = serde.deserialize("t", singleObject(v1, old));

    // then
    assertThat(read.getEventId()).isEqualTo("old-1");
    assertThat(read.getInputTokens()).isEqualTo(100L);
    assertThat(read.getAmountUsd()).isNull();
    assertThat(read.getBaselineModel()).isNull();
  }

  @Test
  void shouldReadASpendRecordOfOneEventWrittenBeforeSpendWasSummedAsOneEvent() throws IOException {
    // given a record a pricing processor of version 1 left on the spend topic
    Schema v1 = SchemaHistory.versionsOf("UsageSpend").get(0);
    assertThat(v1.getField("events")).isNull();
    GenericRecord old = new GenericData.Record(v1);
    old.put("tenant_id", "acme");
    old.put("user_id", "u1");
    old.put("feature", "chat");
    old.put("occurred_at", Instant.parse("2026-03-01T00:00:00Z").toEpochMilli());
    old.put("cost_usd", ByteBuffer.wrap(new BigDecimal("0.006000000000").unscaledValue().toByteArray()));

    // when
    UsageSpend read = new AvroSerde<>(UsageSpend::new).deserialize("t", singleObject(v1, old));

    // then
    assertThat(read.getEvents()).isEqualTo(1);
    assertThat(read.getCostUsd()).isEqualByComparingTo("0.006");
    assertThat(read.getTenantId()).isEqualTo("acme");
  }

  @Test
  void shouldKeepTheCurrentSchemaOfEveryRecordInItsHistory() {
    // given every record the topics carry
    List<Schema> current = List.of(UsageEvent.getClassSchema(), PriceEntry.getClassSchema(),
        PricedUsageEvent.getClassSchema(), RejectedEvent.getClassSchema(), Budget.getClassSchema(),
        BudgetStatus.getClassSchema(), Alert.getClassSchema(), AlertDeadLetter.getClassSchema(),
        ApiKey.getClassSchema(), CostCorrection.getClassSchema(), UsageSpend.getClassSchema());

    for (Schema schema : current) {
      // when
      List<Long> fingerprints = SchemaHistory.versionsOf(schema.getName()).stream()
          .map(SchemaNormalization::parsingFingerprint64).toList();

      // then a new version that was not added to the history would make old readers fail
      assertThat(fingerprints).as(schema.getName())
          .contains(SchemaNormalization.parsingFingerprint64(schema));
    }
  }

  @Test
  void shouldRefuseBytesOfAnUnknownSchemaWithAClearError() {
    // given
    byte[] garbage = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    // when / then
    assertThatThrownBy(() -> serde.deserialize("tollgate.usage.raw", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("tollgate.usage.raw");
  }

  @Test
  void shouldRefuseATruncatedValueOfTheCurrentSchemaWithAClearError() {
    // given: a current-schema value cut off in the middle of its record
    byte[] whole = serde.serialize("t", Samples.event("e-1").build());
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

    // when / then
    assertThatThrownBy(() -> serde.deserialize("tollgate.usage.raw", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("tollgate.usage.raw");
  }

  private static byte[] singleObject(Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xC3);
    out.write(0x01);
    long fp = SchemaNormalization.parsingFingerprint64(schema);
    for (int i = 0; i < 8; i++) {
      out.write((int) (fp >>> (8 * i)) & 0xFF);
    }
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, enc);
    enc.flush();
    return out.toByteArray();
  }
}
