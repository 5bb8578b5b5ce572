package dev.tollgate.analytics.writer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class PricedRowTranscoderTest {
  private static final Serializer<PricedUsageEvent> SERIALIZER = Topics.USAGE_PRICED.valueSerde().serializer();
  private static final KafkaPosition POSITION = new KafkaPosition("tollgate.usage.priced", 1, 4_242L);
  private static final Instant READ_AT = Instant.parse("2026-11-24T08:00:00.123Z");
  private static final Instant AT = Instant.parse("2026-11-24T07:59:58.765Z");

  private final PricedRowTranscoder transcoder = new PricedRowTranscoder();

  @Test
  void shouldWriteTheSameRowAsDecodingAndEncodingForEveryShapeOfEvent() {
    // given: events with every optional field present or absent, in random combinations
    Random random = new Random(7);
    for (int i = 0; i < 3_000; i++) {
      PricedUsageEvent event = randomEvent(random, "e-" + i);

      // when
      RowBinary fast = new RowBinary(64);
      boolean taken = transcoder.write(SERIALIZER.serialize("t", event), fast, POSITION, READ_AT);

      // then: taken, since all are ASCII with small decimals, and byte for byte the decoding path's row
      assertThat(taken).as("event %d taken", i).isTrue();
      assertThat(fast.toByteArray()).as("row of event %d: %s", i, event).isEqualTo(decoded(event));
    }
  }

  @Test
  void shouldSortAttributesByKeyAsTheDecodingPathDoes() {
    // given: keys sent in reverse order
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("zone", "b");
    attributes.put("region", "eu-west-1");
    attributes.put("app", "");
    PricedUsageEvent event = priced(call("sorted").setAttributes(attributes).build(), "0.001");

    // when
    RowBinary fast = new RowBinary(64);
    boolean taken = transcoder.write(SERIALIZER.serialize("t", event), fast, POSITION, READ_AT);

    // then
    assertThat(taken).isTrue();
    assertThat(fast.toByteArray()).isEqualTo(decoded(event));
  }

  @Test
  void shouldLeaveToTheDecodingPathWhatItCannotCopyExactly() {
    // given
    byte[] plain = SERIALIZER.serialize("t", priced(call("plain").build(), "0.001"));
    byte[] otherSchema = plain.clone();
    otherSchema[5] ^= 0x55;
    byte[] truncated = Arrays.copyOf(plain, plain.length - 3);
    byte[] trailing = Arrays.copyOf(plain, plain.length + 1);

    // when / then
    assertThat(takes(plain)).isTrue();
    assertThat(takes(null)).isFalse();
    assertThat(takes(new byte[] {1, 2, 3})).isFalse();
    assertThat(takes(otherSchema)).as("a fingerprint of another schema version").isFalse();
    assertThat(takes(truncated)).isFalse();
    assertThat(takes(trailing)).isFalse();
    assertThat(takes(event(call("u").setUserId("zoë").build(), "0.001"))).as("not ASCII").isFalse();
    assertThat(takes(event(call("big").build(), "123456789.123456789012"))).as("a decimal over 56 bits").isFalse();
    assertThat(takes(event(call("old").setOccurredAt(Instant.parse("1969-12-31T23:59:59Z")).build(), "0.001")))
        .as("before DateTime's range").isFalse();
  }

  @Test
  void shouldLeaveTheBatchAsItWasWhenAnEventMustBeDecoded() {
    // given
    Batch batch = new Batch(64);
    byte[] first = SERIALIZER.serialize("t", priced(call("first").build(), "0.5"));
    byte[] nonAscii = event(call("second").setFeature("résumé").build(), "0.5");

    // when
    boolean firstTaken = batch.addEncoded(first, POSITION, READ_AT);
    int lengthAfterFirst = batch.payloadLength();
    boolean secondTaken = batch.addEncoded(nonAscii, new KafkaPosition(POSITION.topic(), 1, 4_243L), READ_AT);

    // then
    assertThat(firstTaken).isTrue();
    assertThat(secondTaken).isFalse();
    assertThat(batch.size()).isEqualTo(1);
    assertThat(batch.payloadLength()).isEqualTo(lengthAfterFirst);
  }

  private boolean takes(byte[] value) {
    return transcoder.write(value, new RowBinary(64), POSITION, READ_AT);
  }

  private static byte[] event(UsageEvent event, String cost) {
    return SERIALIZER.serialize("t", priced(event, cost));
  }

  private static byte[] decoded(PricedUsageEvent event) {
    PricedUsageEvent roundTripped = Topics.USAGE_PRICED.valueSerde().deserializer()
        .deserialize("t", SERIALIZER.serialize("t", event));
    RowBinary out = new RowBinary(64);
    UsageRowEncoder.write(out, roundTripped, POSITION, READ_AT);
    return out.toByteArray();
  }

  private static UsageEvent.Builder call(String id) {
    return PricedEvents.call(id, AT);
  }

  private static PricedUsageEvent priced(UsageEvent event, String cost) {
    return PricedEvents.priced(event, cost);
  }

  private static PricedUsageEvent randomEvent(Random r, String id) {
    UsageEvent.Builder event = call(id)
        .setOccurredAt(AT.minusMillis(r.nextInt(1_000_000_000)))
        .setTenantId("tenant-" + r.nextInt(5))
        .setTeamId(r.nextBoolean() ? null : "team-" + r.nextInt(3))
        .setUserId(r.nextInt(10) == 0 ? "" : "user-" + r.nextInt(100))
        .setInputTokens(r.nextInt(1 << 20))
        .setCachedInputTokens(r.nextInt(100))
        .setOutputTokens(r.nextBoolean() ? 0 : Math.abs(r.nextLong() >> 2))
        .setAudioSeconds(r.nextBoolean() ? null : BigDecimal.valueOf(r.nextInt(10_000_000), 3))
        .setOperation(r.nextBoolean() ? null : "chat")
        .setBatch(r.nextBoolean())
        .setEstimated(r.nextBoolean())
        .setStatus(r.nextBoolean() ? null : "ok")
        .setLatencyMs(r.nextBoolean() ? null : (long) r.nextInt(60_000))
        .setRequestId(r.nextBoolean() ? null : "req-" + Long.toHexString(r.nextLong()))
        .setPromptHash(r.nextBoolean() ? null : "p" + r.nextInt(500))
        .setAttributes(randomAttributes(r))
        .setBaselineModel(r.nextBoolean() ? null : "gpt-4o")
        .setBaselineInputTokens(r.nextBoolean() ? null : (long) r.nextInt(5_000))
        .setBaselineOutputTokens(r.nextBoolean() ? null : (long) r.nextInt(5_000))
        .setAmountUsd(r.nextBoolean() ? null : BigDecimal.valueOf(-r.nextInt(1_000_000_000), 12))
        .setReason(r.nextBoolean() ? null : "credit")
        .setReference(r.nextBoolean() ? null : "INC-" + r.nextInt(99));
    BigDecimal cost = BigDecimal.valueOf((r.nextLong() >> 9) * (r.nextBoolean() ? 1 : -1), 12);
    return PricedUsageEvent.newBuilder()
        .setEvent(event.build())
        .setCostUsd(cost)
        .setPriceSource(r.nextBoolean() ? "catalog" : "fallback")
        .setPrice(r.nextInt(4) == 0 ? null : randomPrice(r))
        .setPricedAt(AT.plusMillis(r.nextInt(5_000)))
        .setBaselineCostUsd(r.nextBoolean() ? null : BigDecimal.valueOf(r.nextInt(1 << 30), 12))
        .setBaselinePrice(r.nextBoolean() ? null : randomPrice(r))
        .build();
  }

  private static Map<String, String> randomAttributes(Random r) {
    Map<String, String> attributes = new LinkedHashMap<>();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      attributes.put("k" + r.nextInt(20), r.nextBoolean() ? "" : "v" + r.nextInt(1_000));
    }
    return attributes;
  }

  private static PriceEntry randomPrice(Random r) {
    return PriceEntry.newBuilder(PricedEvents.gpt4o())
        .setModel("model-" + r.nextInt(9))
        .setEffectiveFrom(Instant.parse("2024-05-13T00:00:00Z").plusSeconds(r.nextInt(100_000_000)))
        .setCachedInputPerMtok(r.nextBoolean() ? null : new BigDecimal("1.250000000000"))
        .setPerAudioMinute(r.nextBoolean() ? null : new BigDecimal("0.006000000000"))
        .setBatchDiscountPct(r.nextBoolean() ? null : new BigDecimal("50.000000000000"))
        .setSource(r.nextBoolean() ? null : "https://openai.com/api/pricing")
        .setCheckedOn(r.nextBoolean() ? null : "2026-11-01")
        .build();
  }
}
