package dev.tollgate.processor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class PricedEventSerializerTest {
  private static final String TOPIC = Topics.USAGE_PRICED.name();
  private static final Instant OCCURRED = Instant.parse("2026-03-01T10:00:00Z");
  private final Serde<PricedUsageEvent> reference = Topics.USAGE_PRICED.valueSerde();
  private final PricedEventSerializer serializer = new PricedEventSerializer();

  @Test
  void shouldWriteTheSameBytesAsTheTopicSerdeForAnEventWithEveryOptionalField() {
    // given
    PricedUsageEvent priced = priced(event("e-1").build(), entry("2.50", "https://example.com/pricing"), "catalog");

    // when
    byte[] bytes = serializer.serialize(TOPIC, priced);

    // then
    assertThat(bytes).isEqualTo(reference.serializer().serialize(TOPIC, priced));
    assertThat(reference.deserializer().deserialize(TOPIC, bytes)).isEqualTo(priced);
  }

  @Test
  void shouldWriteTheSameBytesWhenThePriceIsAbsent() {
    // given: an adjustment carries no price entry
    UsageEvent adjustment = event("adj-1").setOperation("adjustment").setAmountUsd(usd("-12.5"))
        .setReason("refund").setReference("INV-7").build();
    PricedUsageEvent priced = PricedUsageEvent.newBuilder().setEvent(adjustment).setCostUsd(usd("-12.5"))
        .setPriceSource("adjustment").setPrice(null).setPricedAt(OCCURRED.plusSeconds(1)).build();

    // when
    byte[] bytes = serializer.serialize(TOPIC, priced);

    // then
    assertThat(bytes).isEqualTo(reference.serializer().serialize(TOPIC, priced));
  }

  @Test
  void shouldWriteEachEventWithItsOwnEntryWhenEntriesAreReusedAndReplaced() {
    // given: two events share one entry instance, a third has a new entry as after a catalog change
    PriceEntry first = entry("2.50", null);
    PriceEntry replacement = entry("3.75", "https://example.com/new");
    PricedUsageEvent a = priced(event("e-1").build(), first, "catalog");
    PricedUsageEvent b = priced(event("e-2").setModel("gpt-4o").build(), first, "fallback");
    PricedUsageEvent c = priced(event("e-3").build(), replacement, "catalog");

    // when
    byte[][] written = {serializer.serialize(TOPIC, a), serializer.serialize(TOPIC, b), serializer.serialize(TOPIC, c)};

    // then
    assertThat(written[0]).isEqualTo(reference.serializer().serialize(TOPIC, a));
    assertThat(written[1]).isEqualTo(reference.serializer().serialize(TOPIC, b));
    assertThat(written[2]).isEqualTo(reference.serializer().serialize(TOPIC, c));
    assertThat(reference.deserializer().deserialize(TOPIC, written[2]).getPrice()).isEqualTo(replacement);
  }

  @Test
  void shouldCopyTheEventFromTheRawValueItWasDecodedFromAndWriteAnEqualRecord() {
    // given: an event accepted from its raw value, as validation remembers it
    UsageEventCodec codec = new UsageEventCodec();
    byte[] raw = codec.encode(event("e-1").build());
    UsageEvent decoded = ((ParseResult.Ok<UsageEvent>) codec.decode(raw, OCCURRED)).value();
    DecodedFrom.remember(decoded, raw);
    PricedUsageEvent priced = priced(decoded, entry("2.50", null), "catalog");

    // when
    byte[] bytes = serializer.serialize(TOPIC, priced);

    // then
    // Not byte for byte: the raw value keeps its producer's order of attributes, which Map.of
    // randomizes per JVM, while encoding the decoded map follows the HashMap's order.
    assertThat(DecodedFrom.valueOf(decoded)).isSameAs(raw);
    assertThat(reference.deserializer().deserialize(TOPIC, bytes))
        .isEqualTo(reference.deserializer().deserialize(TOPIC, reference.serializer().serialize(TOPIC, priced)));
  }

  @Test
  void shouldTakeTheEventsBytesFromTheRememberedRawValueRatherThanEncodeTheEvent() {
    // given: a slot that pairs an event with the raw value of another, which no real caller does,
    // so that the output shows which of the two the bytes came from
    UsageEventCodec codec = new UsageEventCodec();
    UsageEvent decoded = ((ParseResult.Ok<UsageEvent>) codec.decode(codec.encode(event("e-1").build()), OCCURRED)).value();
    DecodedFrom.remember(decoded, codec.encode(event("e-copied").build()));
    PricedUsageEvent priced = priced(decoded, entry("2.50", null), "catalog");

    // when
    byte[] bytes = serializer.serialize(TOPIC, priced);

    // then
    assertThat(reference.deserializer().deserialize(TOPIC, bytes).getEvent().getEventId()).isEqualTo("e-copied");
  }

  @Test
  void shouldEncodeAnEventThatIsNotTheOneLastDecodedEvenWhenEqualToIt() {
    // given: the remembered raw value says tenant acme; the priced event is another instance, changed since
    UsageEventCodec codec = new UsageEventCodec();
    byte[] raw = codec.encode(event("e-1").build());
    DecodedFrom.remember(((ParseResult.Ok<UsageEvent>) codec.decode(raw, OCCURRED)).value(), raw);
    PricedUsageEvent other = priced(event("e-1").setTenantId("globex").build(), entry("2.50", null), "catalog");

    // when
    byte[] bytes = serializer.serialize(TOPIC, other);

    // then
    assertThat(reference.deserializer().deserialize(TOPIC, bytes).getEvent().getTenantId()).isEqualTo("globex");
  }

  @Test
  void shouldEncodeAnEventDecodedFromJsonOrAnOlderSchema() {
    // given: JSON has no Avro bytes to copy
    UsageEvent fromJson = event("e-9").build();
    DecodedFrom.remember(fromJson, "{\"event_id\":\"e-9\"}".getBytes(StandardCharsets.UTF_8));
    PricedUsageEvent priced = priced(fromJson, entry("2.50", null), "catalog");

    // when
    byte[] bytes = serializer.serialize(TOPIC, priced);

    // then
    assertThat(DecodedFrom.valueOf(fromJson)).isNull();
    assertThat(bytes).isEqualTo(reference.serializer().serialize(TOPIC, priced));
  }

  @Test
  void shouldWriteNothingForANullValue() {
    // when / then
    assertThat(serializer.serialize(TOPIC, null)).isNull();
  }

  private static PricedUsageEvent priced(UsageEvent event, PriceEntry entry, String source) {
    return PricedUsageEvent.newBuilder().setEvent(event).setCostUsd(usd("0.006000000001"))
        .setPriceSource(source).setPrice(entry).setPricedAt(OCCURRED.plusSeconds(2)).build();
  }

  private static UsageEvent.Builder event(String id) {
    return UsageEvent.newBuilder().setEventId(id).setOccurredAt(OCCURRED).setTenantId("acme").setTeamId("search")
        .setUserId("u-1").setFeature("assistant").setProvider("openai").setModel("gpt-4o-mini")
        .setInputTokens(1200).setCachedInputTokens(300).setOutputTokens(300)
        .setAudioSeconds(new BigDecimal("12.345")).setOperation("chat").setBatch(true).setEstimated(true)
        .setStatus("ok").setLatencyMs(840L).setRequestId("req-1").setPromptHash("p1")
        .setAttributes(Map.of("region", "eu-west-1", "tier", "gold"))
        .setBaselineModel("gpt-4o").setBaselineInputTokens(2000L).setBaselineOutputTokens(500L);
  }

  private static PriceEntry entry(String input, String source) {
    return PriceEntry.newBuilder().setProvider("openai").setModel("gpt-4o").setEffectiveFrom(Instant.parse("2026-01-01T00:00:00Z"))
        .setInputPerMtok(usd(input)).setOutputPerMtok(usd("10")).setCachedInputPerMtok(usd("1.25"))
        .setPerAudioMinute(usd("0.006")).setBatchDiscountPct(usd("50")).setSource(source).setCheckedOn("2026-01-15")
        .build();
  }

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount).setScale(12);
  }
}
