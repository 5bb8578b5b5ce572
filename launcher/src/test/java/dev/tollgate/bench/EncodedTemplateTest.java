package dev.tollgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.serde.UsageEventCodec;
import dev.tollgate.workload.SyntheticWorkload;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EncodedTemplateTest {
  private static final Instant START = Instant.parse("2026-11-24T09:00:00Z");
  private final UsageEventCodec codec = new UsageEventCodec();

  @Test
  void shouldGiveTheBytesTheCodecWritesForEveryKindOfCallTheWorkloadMakes() {
    // given: a varied set of calls, as the benchmark uses them
    SyntheticWorkload workload = new SyntheticWorkload(42, "run", "bench-", START, Duration.ZERO);

    for (int i = 0; i < 500; i++) {
      UsageEvent template = workload.next();
      EncodedTemplate encoded = new EncodedTemplate(template, codec);
      String eventId = "b1795492999513-" + i;
      long occurredAt = START.toEpochMilli() + i * 7919L;

      // when
      byte[] value = encoded.value(eventId, occurredAt);

      // then
      UsageEvent expected = UsageEvent.newBuilder(template).setEventId(eventId)
          .setOccurredAt(Instant.ofEpochMilli(occurredAt)).build();
      assertThat(value).as("template %d", i).isEqualTo(codec.encode(expected));
    }
  }

  @Test
  void shouldHandleIdsWhoseLengthTakesMoreBytesThanTheTemplatesOwn() {
    // given: a short template id, then a 200-character non-ASCII id (a two-byte length) and an early instant
    UsageEvent template = new SyntheticWorkload(7, "r", "t-", START, Duration.ZERO).next();
    EncodedTemplate encoded = new EncodedTemplate(template, codec);
    String longId = "é".repeat(100);

    // when
    byte[] value = encoded.value(longId, 0L);

    // then
    UsageEvent decoded = ((ParseResult.Ok<UsageEvent>) codec.decode(value, START)).value();
    assertThat(decoded.getEventId()).isEqualTo(longId);
    assertThat(decoded.getOccurredAt()).isEqualTo(Instant.EPOCH);
    assertThat(decoded.getTenantId()).isEqualTo(template.getTenantId());
    assertThat(decoded.getInputTokens()).isEqualTo(template.getInputTokens());
  }
}
