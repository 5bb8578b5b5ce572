package dev.tollgate.analytics.writer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PricedRowEncoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.987Z");
  private static final KafkaPosition POSITION = new KafkaPosition("tollgate.usage.priced", 3, 41_000_000_000L);
  private static final Instant INSERTED = Instant.parse("2026-03-01T10:15:31Z");

  @Test
  void shouldWriteOneLineObjectWithEveryColumnOfTheTableInOrderAndTheKafkaPosition() throws Exception {
    // given
    PricedUsageEvent event = PricedEvents.priced(PricedEvents.call("e-1", AT).build(), "0.004750000000");

    // when
    String line = encode(event);

    // then
    assertThat(line).endsWith("}\n").doesNotContain("\n{");
    JsonNode row = JSON.readTree(line);
    List<String> fields = new ArrayList<>();
    row.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactlyElementsOf(tableColumns());
    assertThat(row.get("event_id").asText()).isEqualTo("e-1");
    assertThat(row.get("occurred_at").asText()).isEqualTo("2026-03-01 10:15:30");
    assertThat(row.get("priced_at").asText()).isEqualTo("2026-03-01 10:15:31");
    assertThat(row.get("inserted_at").asText()).isEqualTo("2026-03-01 10:15:31");
    assertThat(row.get("input_tokens").asLong()).isEqualTo(1200);
    assertThat(row.get("cached_input_tokens").asLong()).isEqualTo(200);
    assertThat(row.get("batch").asInt()).isZero();
    assertThat(row.get("price_model").asText()).isEqualTo("gpt-4o");
    assertThat(row.get("price_effective_from").asText()).isEqualTo("2024-05-13 00:00:00");
    assertThat(row.get("kafka_topic").asText()).isEqualTo("tollgate.usage.priced");
    assertThat(row.get("kafka_partition").asInt()).isEqualTo(3);
    assertThat(row.get("kafka_offset").asLong()).isEqualTo(41_000_000_000L);
  }

  @Test
  void shouldWriteDecimalsAsBareNumbersInPlainNotationWithTheirColumnScale() {
    // given
    PricedUsageEvent tiny = PricedEvents.priced(PricedEvents.call("e-1", AT)
        .setAudioSeconds(new BigDecimal("0.500")).build(), "1E-12");
    PricedUsageEvent huge = PricedEvents.refund("e-2", AT, "-12345678901234567890.123456789012");

    // when
    String tinyLine = encode(tiny);
    String hugeLine = encode(huge);

    // then
    assertThat(tinyLine).contains("\"cost_usd\":0.000000000001,")
        .contains("\"audio_seconds\":0.500,")
        .contains("\"price_input_per_mtok\":2.500000000000,")
        .doesNotContain("E-");
    assertThat(hugeLine).contains("\"cost_usd\":-12345678901234567890.123456789012,")
        .contains("\"amount_usd\":-12345678901234567890.123456789012,");
  }

  @Test
  void shouldWriteEmptyStringsForAbsentTextAndNullForAbsentNumbersAndPrice() throws Exception {
    // given
    PricedUsageEvent refund = PricedEvents.refund("r-1", AT, "-5.000000000000");
    refund.getEvent().setTeamId(null);

    // when
    JsonNode row = JSON.readTree(encode(refund));

    // then
    assertThat(row.get("team_id").asText()).isEmpty();
    assertThat(row.get("status").asText()).isEmpty();
    assertThat(row.get("operation").asText()).isEqualTo("adjustment");
    assertThat(row.get("latency_ms").isNull()).isTrue();
    assertThat(row.get("audio_seconds").isNull()).isTrue();
    assertThat(row.get("baseline_input_tokens").isNull()).isTrue();
    assertThat(row.get("price_model").asText()).isEmpty();
    assertThat(row.get("price_effective_from").isNull()).isTrue();
    assertThat(row.get("price_input_per_mtok").isNull()).isTrue();
    assertThat(row.get("price_batch_discount_pct").isNull()).isTrue();
    assertThat(row.get("price_source").asText()).isEqualTo("adjustment");
  }

  @Test
  void shouldEscapeQuotesBackslashesAndControlCharactersAndKeepUnicode() throws Exception {
    // given
    String nasty = "say \"hi\" \\ back\nslash\ttab\r\u0000\u0001\u001f\u007f é € 😀";
    PricedUsageEvent event = PricedEvents.priced(PricedEvents.call("e-1", AT).setUserId(nasty).build(), "1.000000000000");

    // when
    String line = encode(event);

    // then
    assertThat(line).contains("\"user_id\":\"say \\\"hi\\\" \\\\ back\\nslash\\ttab\\r\\u0000\\u0001\\u001f\u007f é € 😀\"");
    assertThat(JSON.readTree(line).get("user_id").asText()).isEqualTo(nasty);
  }

  @Test
  void shouldReplaceALoneSurrogateInsteadOfWritingInvalidUtf8() throws Exception {
    // given
    PricedUsageEvent event = PricedEvents.priced(PricedEvents.call("e-1", AT).setFeature("a\uD800b").build(), "1.000000000000");

    // when
    String line = encode(event);

    // then
    assertThat(JSON.readTree(line).get("feature").asText()).isEqualTo("a\uFFFDb");
  }

  @Test
  void shouldWriteAttributesAsTwoParallelArraysInKeyOrder() throws Exception {
    // given
    PricedUsageEvent event = PricedEvents.priced(PricedEvents.call("e-1", AT)
        .setAttributes(Map.of("region", "eu-west", "app", "crm \"beta\"")).build(), "1.000000000000");

    // when
    JsonNode row = JSON.readTree(encode(event));

    // then
    assertThat(row.get("attribute_keys").toString()).isEqualTo("[\"app\",\"region\"]");
    assertThat(row.get("attribute_values").toString()).isEqualTo("[\"crm \\\"beta\\\"\",\"eu-west\"]");
  }

  @Test
  void shouldWriteBooleansAsZeroOrOneAndNegativeNumbers() throws Exception {
    // given
    PricedUsageEvent event = PricedEvents.priced(PricedEvents.call("e-1", Instant.parse("1999-12-31T23:59:59Z"))
        .setBatch(true).setEstimated(true).setLatencyMs(-7L).setBaselineInputTokens(Long.MIN_VALUE).build(), "1.000000000000");

    // when
    JsonNode row = JSON.readTree(encode(event));

    // then
    assertThat(row.get("batch").asInt()).isEqualTo(1);
    assertThat(row.get("estimated").asInt()).isEqualTo(1);
    assertThat(row.get("latency_ms").asLong()).isEqualTo(-7);
    assertThat(row.get("baseline_input_tokens").asLong()).isEqualTo(Long.MIN_VALUE);
    assertThat(row.get("occurred_at").asText()).isEqualTo("1999-12-31 23:59:59");
  }

  private static List<String> tableColumns() {
    String ddl = Schema.statements("tollgate").get(1);
    Matcher column = Pattern.compile("(?m)^    ([a-z_]+) (.*)$").matcher(ddl);
    List<String> columns = new ArrayList<>();
    while (column.find()) {
      if (!column.group(2).contains("MATERIALIZED")) {
        columns.add(column.group(1));
      }
    }
    return columns;
  }

  private static String encode(PricedUsageEvent event) {
    JsonBytes out = new JsonBytes(16);
    PricedRowEncoder.write(out, event, POSITION, INSERTED);
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
