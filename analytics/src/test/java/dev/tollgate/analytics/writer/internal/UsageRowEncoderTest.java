package dev.tollgate.analytics.writer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UsageRowEncoderTest {
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.987Z");
  private static final KafkaPosition POSITION = new KafkaPosition("tollgate.usage.priced", 3, 41_000_000_000L);
  private static final Instant INSERTED = Instant.parse("2026-03-01T10:15:31Z");

  @Test
  void shouldNameEveryInsertableColumnOfTheTableWithItsTypeInTableOrder() {
    // given
    List<UsageRowEncoder.Column> table = tableColumns();

    // when
    List<UsageRowEncoder.Column> encoded = UsageRowEncoder.COLUMNS;

    // then
    assertThat(encoded).containsExactlyElementsOf(table);
  }

  @Test
  void shouldWriteOneRowOfEveryColumnWithTheKafkaPosition() {
    // given
    PricedUsageEvent event = PricedEvents.priced(PricedEvents.call("e-1", AT).build(), "0.004750000000");

    // when
    Map<String, Object> row = decode(event);

    // then
    assertThat(row.get("event_id")).isEqualTo("e-1");
    assertThat(row.get("occurred_at")).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    assertThat(row.get("priced_at")).isEqualTo(Instant.parse("2026-03-01T10:15:31Z"));
    assertThat(row.get("inserted_at")).isEqualTo(INSERTED);
    assertThat(row.get("input_tokens")).isEqualTo(1200L);
    assertThat(row.get("cached_input_tokens")).isEqualTo(200L);
    assertThat(row.get("batch")).isEqualTo(0L);
    assertThat(row.get("cost_usd")).isEqualTo(new BigDecimal("0.004750000000"));
    assertThat(row.get("price_model")).isEqualTo("gpt-4o");
    assertThat(row.get("price_effective_from")).isEqualTo(Instant.parse("2024-05-13T00:00:00Z"));
    assertThat(row.get("price_input_per_mtok")).isEqualTo(new BigDecimal("2.500000000000"));
    assertThat(row.get("price_per_audio_minute")).isNull();
    assertThat(row.get("kafka_topic")).isEqualTo("tollgate.usage.priced");
    assertThat(row.get("kafka_partition")).isEqualTo(3L);
    assertThat(row.get("kafka_offset")).isEqualTo(41_000_000_000L);
  }

  @Test
  void shouldWriteDecimalsExactlyAtTheirColumnScale() {
    // given
    PricedUsageEvent tiny = PricedEvents.priced(PricedEvents.call("e-1", AT)
        .setAudioSeconds(new BigDecimal("0.5")).build(), "1E-12");
    PricedUsageEvent huge = PricedEvents.refund("e-2", AT, "-12345678901234567890.123456789012");

    // when
    Map<String, Object> tinyRow = decode(tiny);
    Map<String, Object> hugeRow = decode(huge);

    // then
    assertThat(tinyRow.get("cost_usd")).isEqualTo(new BigDecimal("0.000000000001"));
    assertThat(tinyRow.get("audio_seconds")).isEqualTo(new BigDecimal("0.500"));
    assertThat(hugeRow.get("cost_usd")).isEqualTo(new BigDecimal("-12345678901234567890.123456789012"));
    assertThat(hugeRow.get("amount_usd")).isEqualTo(new BigDecimal("-12345678901234567890.123456789012"));
  }

  @Test
  void shouldWriteEmptyStringsForAbsentTextAndNullForAbsentNumbersAndPrice() {
    // given
    PricedUsageEvent refund = PricedEvents.refund("r-1", AT, "-5.000000000000");
    refund.getEvent().setTeamId(null);

    // when
    Map<String, Object> row = decode(refund);

    // then
    assertThat(row.get("team_id")).isEqualTo("");
    assertThat(row.get("status")).isEqualTo("");
    assertThat(row.get("operation")).isEqualTo("adjustment");
    assertThat(row.get("latency_ms")).isNull();
    assertThat(row.get("audio_seconds")).isNull();
    assertThat(row.get("baseline_input_tokens")).isNull();
    assertThat(row.get("price_model")).isEqualTo("");
    assertThat(row.get("price_effective_from")).isNull();
    assertThat(row.get("price_input_per_mtok")).isNull();
    assertThat(row.get("price_batch_discount_pct")).isNull();
    assertThat(row.get("price_source")).isEqualTo("adjustment");
    assertThat(row.get("kafka_offset")).isEqualTo(41_000_000_000L);
    assertThat(row.get("baseline_cost_usd")).isNull();
  }

  @Test
  void shouldWriteWhatTheCallWouldHaveCostWithoutItsOptimization() {
    // given: a call on a local model that replaced gpt-4o-mini
    PricedUsageEvent event = PricedEvents.priced(PricedEvents.call("e-1", AT).setBaselineModel("gpt-4o-mini").build(), "0");
    event.setBaselineCostUsd(new BigDecimal("0.000540000000"));

    // when
    Map<String, Object> row = decode(event);

    // then
    assertThat(row.get("baseline_model")).isEqualTo("gpt-4o-mini");
    assertThat(row.get("baseline_cost_usd")).isEqualTo(new BigDecimal("0.000540000000"));
  }

  @Test
  void shouldWriteAttributesAsTwoParallelArraysInKeyOrder() {
    // given
    PricedUsageEvent event = PricedEvents.priced(PricedEvents.call("e-1", AT)
        .setAttributes(Map.of("region", "eu-west", "app", "crm \"beta\"\t")).build(), "1.000000000000");

    // when
    Map<String, Object> row = decode(event);

    // then
    assertThat(row.get("attribute_keys")).isEqualTo(List.of("app", "region"));
    assertThat(row.get("attribute_values")).isEqualTo(List.of("crm \"beta\"\t", "eu-west"));
  }

  @Test
  void shouldWriteBooleansAsZeroOrOneAndNegativeNumbers() {
    // given
    PricedUsageEvent event = PricedEvents.priced(PricedEvents.call("e-1", Instant.parse("1999-12-31T23:59:59Z"))
        .setBatch(true).setEstimated(true).setLatencyMs(-7L).setBaselineInputTokens(Long.MIN_VALUE).build(), "1.000000000000");

    // when
    Map<String, Object> row = decode(event);

    // then
    assertThat(row.get("batch")).isEqualTo(1L);
    assertThat(row.get("estimated")).isEqualTo(1L);
    assertThat(row.get("latency_ms")).isEqualTo(-7L);
    assertThat(row.get("baseline_input_tokens")).isEqualTo(Long.MIN_VALUE);
    assertThat(row.get("occurred_at")).isEqualTo(Instant.parse("1999-12-31T23:59:59Z"));
  }

  @Test
  void shouldRefuseAnEventWithAValueTheTableCannotHoldNamingTheField() {
    // given
    PricedUsageEvent tooPrecise = PricedEvents.priced(PricedEvents.call("e-1", AT).build(), "0.0000000000001");
    PricedUsageEvent beforeEpoch = PricedEvents.priced(PricedEvents.call("e-2", Instant.parse("1969-07-20T20:17:40Z")).build(), "1");

    // when / then
    assertThatThrownBy(() -> encode(tooPrecise)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cost_usd: ");
    assertThatThrownBy(() -> encode(beforeEpoch)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("occurred_at: ");
  }

  private static List<UsageRowEncoder.Column> tableColumns() {
    String ddl = Schema.statements("tollgate").get(1);
    Matcher column = Pattern.compile("(?m)^    ([a-z_]+) (.*?),?$").matcher(ddl);
    List<UsageRowEncoder.Column> columns = new ArrayList<>();
    while (column.find()) {
      if (!column.group(2).contains("MATERIALIZED")) {
        columns.add(new UsageRowEncoder.Column(column.group(1), column.group(2).replace(" DEFAULT now()", "")));
      }
    }
    Pattern added = Pattern.compile("(?m)^ALTER TABLE tollgate\\.usage_events ADD COLUMN ([a-z_]+) (.*)$");
    for (String statement : Schema.statements("tollgate")) {
      Matcher addition = added.matcher(statement);
      if (addition.find()) {
        columns.add(new UsageRowEncoder.Column(addition.group(1), addition.group(2)));
      }
    }
    return columns;
  }

  private static byte[] encode(PricedUsageEvent event) {
    RowBinary out = new RowBinary(16);
    UsageRowEncoder.write(out, event, POSITION, INSERTED);
    return out.toByteArray();
  }

  private static Map<String, Object> decode(PricedUsageEvent event) {
    RowBinaryReader reader = new RowBinaryReader(encode(event));
    Map<String, Object> row = reader.row();
    assertThat(reader.atEnd()).as("bytes left after the last column").isTrue();
    return row;
  }
}
