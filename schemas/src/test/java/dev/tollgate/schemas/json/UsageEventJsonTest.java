package dev.tollgate.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageEventJsonTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final String VALID = "{\"event_id\":\"e-1\",\"occurred_at\":\"2026-03-01T11:00:00+01:00\","
      + "\"tenant_id\":\"acme\",\"user_id\":\"u-1\",\"feature\":\"chat\",\"provider\":\"openai\","
      + "\"model\":\"gpt-4o\",\"input_tokens\":1000,\"cached_input_tokens\":400,\"output_tokens\":50,"
      + "\"batch\":true,\"audio_seconds\":\"7.5\",\"attributes\":{\"region\":\"eu\"}}";

  @Test
  void shouldReadEveryFieldOfAValidEvent() {
    // when
    ParseResult<UsageEvent> result = UsageEventJson.parse(VALID, NOW);

    // then
    assertThat(result).isInstanceOf(ParseResult.Ok.class);
    UsageEvent e = ((ParseResult.Ok<UsageEvent>) result).value();
    assertThat(e.getOccurredAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(e.getCachedInputTokens()).isEqualTo(400);
    assertThat(e.getBatch()).isTrue();
    assertThat(e.getAudioSeconds()).isEqualTo(new BigDecimal("7.500"));
    assertThat(e.getAttributes()).containsEntry("region", "eu");
    assertThat(e.getTeamId()).isNull();
  }

  @Test
  void shouldWriteJsonThatReadsBackToTheSameEvent() {
    // given
    UsageEvent e = ((ParseResult.Ok<UsageEvent>) UsageEventJson.parse(VALID, NOW)).value();

    // when
    ParseResult<UsageEvent> again = UsageEventJson.parse(UsageEventJson.toJson(e), NOW);

    // then
    assertThat(again).isEqualTo(ParseResult.ok(e));
  }

  @ParameterizedTest(name = "{2}: {3}")
  @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
      "\"input_tokens\":1000, => `` => input_tokens => is required",
      "\"input_tokens\":1000 => \"input_tokens\":-3 => input_tokens => must be an integer ≥ 0, got -3",
      "\"input_tokens\":1000 => \"input_tokens\":\"many\" => input_tokens => must be an integer ≥ 0, got \"many\"",
      "\"input_tokens\":1000 => \"input_tokens\":1.5 => input_tokens => must be an integer ≥ 0, got 1.5",
      "\"cached_input_tokens\":400 => \"cached_input_tokens\":4000 => cached_input_tokens => is larger than input_tokens (cached tokens are part of the input)",
      "\"tenant_id\":\"acme\" => \"tenant_id\":\"  \" => tenant_id => is required",
      "\"model\":\"gpt-4o\" => \"model\":\"a|b\" => model => must not contain '|'",
      "\"occurred_at\":\"2026-03-01T11:00:00+01:00\" => \"occurred_at\":\"yesterday\" => occurred_at => must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got \"yesterday\"",
      "\"batch\":true => \"batch\":\"yes\" => batch => must be true or false, got \"yes\"",
      "\"audio_seconds\":\"7.5\" => \"audio_seconds\":1.23456 => audio_seconds => has more than 3 decimals: 1.23456",
  })
  void shouldNameTheFieldAndTheReasonOfARefusal(String original, String replacement, String field, String reason) {
    // given
    String json = VALID.replace(original, replacement);

    // when
    ParseResult<UsageEvent> result = UsageEventJson.parse(json, NOW);

    // then
    assertThat(result).isEqualTo(ParseResult.invalid(field, reason));
  }

  @Test
  void shouldRefuseAnEventFromTheFarFuture() {
    // when
    ParseResult<UsageEvent> result = UsageEventJson.parse(VALID.replace("2026-03-01T11:00:00+01:00", "2026-03-02T11:00:00Z"), NOW);

    // then
    assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class,
        r -> assertThat(r.violation().field()).isEqualTo("occurred_at"));
  }

  @Test
  void shouldRequireAmountReasonAndReferenceOnAnAdjustmentButNoTokens() {
    // given
    String credit = "{\"event_id\":\"c-1\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"tenant_id\":\"acme\","
        + "\"operation\":\"adjustment\",\"amount_usd\":\"-12.50\",\"reason\":\"outage credit\",\"reference\":\"INC-7\"}";

    // when
    ParseResult<UsageEvent> ok = UsageEventJson.parse(credit, NOW);
    ParseResult<UsageEvent> missing = UsageEventJson.parse(credit.replace(",\"reference\":\"INC-7\"", ""), NOW);

    // then
    assertThat(ok).isInstanceOfSatisfying(ParseResult.Ok.class,
        r -> assertThat(((UsageEvent) r.value()).getAmountUsd()).isEqualByComparingTo("-12.5"));
    assertThat(missing).isEqualTo(ParseResult.invalid("reference", "is required on an adjustment"));
  }

  @Test
  void shouldRefuseTextThatIsNotJson() {
    // when
    ParseResult<UsageEvent> result = UsageEventJson.parse("{\"event_id\": ", NOW);

    // then
    assertThat(result).isInstanceOfSatisfying(ParseResult.Invalid.class,
        r -> assertThat(r.violation().field()).isEqualTo("_record"));
  }
}
