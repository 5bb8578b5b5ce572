package dev.tollgate.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UsageEventCodecTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private final UsageEventCodec codec = new UsageEventCodec();

  @Test
  void shouldDecodeAvroAndJsonToTheSameEvent() {
    // given
    UsageEvent event = Samples.event("e-1").build();
    String json = "{\"event_id\":\"e-1\",\"occurred_at\":\"2026-03-01T10:15:30.123Z\",\"tenant_id\":\"acme\","
        + "\"team_id\":\"search\",\"user_id\":\"u-1\",\"feature\":\"chat\",\"provider\":\"openai\","
        + "\"model\":\"gpt-4o\",\"input_tokens\":1200,\"output_tokens\":300}";

    // when
    ParseResult<UsageEvent> fromAvro = codec.decode(codec.encode(event), NOW);
    ParseResult<UsageEvent> fromJson = codec.decode(json.getBytes(StandardCharsets.UTF_8), NOW);

    // then
    assertThat(fromAvro).isEqualTo(ParseResult.ok(event));
    assertThat(fromJson).isEqualTo(ParseResult.ok(event));
  }

  @Test
  void shouldRejectAnAvroEventThatBreaksTheContractNamingTheField() {
    // given
    UsageEvent negative = Samples.event("e-2").setOutputTokens(-5).build();

    // when
    ParseResult<UsageEvent> result = codec.decode(codec.encode(negative), NOW);

    // then
    assertThat(result).isEqualTo(ParseResult.invalid("output_tokens", "must be an integer ≥ 0, got -5"));
  }

  @Test
  void shouldRejectBytesThatAreNeitherAvroNorJson() {
    // when
    ParseResult<UsageEvent> result = codec.decode(new byte[] {1, 2, 3}, NOW);

    // then
    assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class,
        invalid -> assertThat(invalid.violation().field()).isEqualTo(Violation.WHOLE_RECORD));
  }

  @Test
  void shouldRejectAnAvroRecordFollowedByMoreBytesAndATruncatedOne() {
    // given
    byte[] encoded = codec.encode(Samples.event("e-3").build());
    byte[] trailing = Arrays.copyOf(encoded, encoded.length + 2);
    byte[] truncated = Arrays.copyOf(encoded, encoded.length - 3);

    // when
    ParseResult<UsageEvent> withTrailing = codec.decode(trailing, NOW);
    ParseResult<UsageEvent> cut = codec.decode(truncated, NOW);

    // then
    assertThat(UsageEventCodec.isCurrentAvro(encoded)).isTrue();
    assertThat(withTrailing).isEqualTo(ParseResult.invalid(Violation.WHOLE_RECORD, "has bytes after the end of the Avro record"));
    assertThat(cut).isInstanceOfSatisfying(ParseResult.Invalid.class,
        invalid -> assertThat(invalid.violation().reason()).startsWith("is unreadable Avro"));
  }
}
