package dev.tollgate.analytics.writer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the real ClickHouse server (18.16 here) stores from the encoder's rows, value by value. */
class RowBinaryInsertIT {
  private static final Instant INSERTED = Instant.parse("2026-03-01T10:15:31Z");
  private static final String NASTY = "tab\tnew\nline\r\u0000\u0001\u001f\u007f \\ 'q' \"qq\" é € 😀 lone\uD800 "
      + "long".repeat(40);

  private final ClickHouseHttp clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
  private final String database = "tollgate_it_" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + database);
  }

  @Test
  void shouldStoreEveryColumnOfEveryRowExactlyAsEncoded() {
    // given
    Schema.apply(clickHouse, database);
    List<PricedUsageEvent> events = edgeCases();
    RowBinary body = encode(events);

    // when
    clickHouse.insertRowBinary(database + ".usage_events", UsageRowEncoder.COLUMN_NAMES, body.array(), body.length());

    // then
    RowBinaryReader sent = new RowBinaryReader(body.toByteArray());
    Rows stored = clickHouse.query("SELECT " + textOfEveryColumn() + " FROM " + database + ".usage_events ORDER BY kafka_offset");
    assertThat(stored.size()).isEqualTo(events.size());
    for (int i = 0; i < events.size(); i++) {
      Map<String, Object> row = sent.row();
      for (UsageRowEncoder.Column column : UsageRowEncoder.COLUMNS) {
        assertThat(stored.get(i, "v_" + column.name())).as("row %d column %s", i, column.name()).isEqualTo(text(row.get(column.name())));
      }
    }
    assertThat(sent.atEnd()).isTrue();
    assertThat(clickHouse.query("SELECT count() AS n FROM " + database + ".usage_events FINAL WHERE occurred_date = toDate(occurred_at)")
        .get(0, "n")).isEqualTo(String.valueOf(events.size()));
  }

  @Test
  void shouldSumMoneyExactlyUpToTotalsNearOneTrillionInTheTableAndBothRollups() {
    // given
    Schema.apply(clickHouse, database);
    List<PricedUsageEvent> events = new ArrayList<>();
    BigDecimal expected = BigDecimal.ZERO;
    for (int i = 0; i < 1_000; i++) {
      String cost = i % 10 == 0 ? "-0.000000000001" : "999999999.999999999999";
      events.add(PricedEvents.priced(PricedEvents.call("sum-" + i, Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i)).build(), cost));
      expected = expected.add(new BigDecimal(cost));
    }
    RowBinary body = encode(events);

    // when
    clickHouse.insertRowBinary(database + ".usage_events", UsageRowEncoder.COLUMN_NAMES, body.array(), body.length());

    // then
    for (String table : List.of("usage_events", "usage_events FINAL", "usage_hourly", "usage_daily")) {
      assertThat(clickHouse.query("SELECT toString(sum(cost_usd)) AS total FROM " + database + "." + table).get(0, "total"))
          .as(table).isEqualTo(expected.toPlainString());
    }
  }

  private static List<PricedUsageEvent> edgeCases() {
    Instant at = Instant.parse("2026-03-01T10:15:30.987Z");
    PriceEntry fullPrice = PricedEvents.gpt4o();
    fullPrice.setPerAudioMinute(new BigDecimal("0.000000000001"));
    fullPrice.setBatchDiscountPct(new BigDecimal("50.000000000000"));
    PricedUsageEvent everything = PricedEvents.priced(PricedEvents.call("every-column", at)
        .setOperation("transcription").setAudioSeconds(new BigDecimal("0.001")).setBatch(true).setEstimated(true)
        .setStatus("error").setLatencyMs(-7L).setRequestId("req-1").setPromptHash("ab".repeat(32))
        .setAttributes(Map.of("region", "eu-west", "app", NASTY, "", "")).setBaselineModel("o3")
        .setBaselineInputTokens(Long.MIN_VALUE).setBaselineOutputTokens(Long.MAX_VALUE).build(), "1E-12");
    everything.setPrice(fullPrice);
    PricedUsageEvent refund = PricedEvents.refund("refund", at, "-999999999999.999999999999");
    refund.getEvent().setTeamId(null);
    PricedUsageEvent unicode = PricedEvents.priced(PricedEvents.call("ünïcødé 😀", at).setUserId(NASTY)
        .setFeature("").build(), "0");
    PricedUsageEvent earliest = PricedEvents.priced(PricedEvents.call("earliest", Instant.EPOCH)
        .setAudioSeconds(new BigDecimal("999999999999999.999")).build(), "99999999999999999999999999.999999999999");
    earliest.setPricedAt(Instant.parse("2106-02-07T06:28:15Z"));
    PricedUsageEvent latest = PricedEvents.refund("latest", Instant.parse("2106-02-07T06:28:15Z"),
        "-99999999999999999999999999.999999999999");
    latest.getEvent().setTenantId("other");
    return List.of(everything, refund, unicode, earliest, latest);
  }

  private static RowBinary encode(List<PricedUsageEvent> events) {
    RowBinary body = new RowBinary(1024);
    for (int i = 0; i < events.size(); i++) {
      UsageRowEncoder.write(body, events.get(i), new KafkaPosition("tollgate.usage.priced", i % 3, 41_000_000_000L + i), INSERTED);
    }
    return body;
  }

  /** Each column as text that leaves nothing to interpretation: strings as hex of their bytes, times as epoch seconds. */
  private static String textOfEveryColumn() {
    return UsageRowEncoder.COLUMNS.stream().map(c -> {
      String expression = switch (c.type()) {
        case "String" -> "hex(" + c.name() + ")";
        case "Array(String)" -> "arrayStringConcat(arrayMap(x -> hex(x), " + c.name() + "), ',')";
        case "DateTime('UTC')", "Nullable(DateTime('UTC'))" -> "toString(toUnixTimestamp(" + c.name() + "))";
        // 18.16's toString() garbles a Decimal128 above 1e21; the output format writes it right.
        default -> c.type().contains("Decimal") ? c.name() : "toString(" + c.name() + ")";
      };
      return expression + " AS v_" + c.name();
    }).collect(Collectors.joining(", "));
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return hex(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(s -> hex((String) s)).collect(Collectors.joining(","));
    }
    if (value instanceof Instant instant) {
      return String.valueOf(instant.getEpochSecond());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    return value.toString();
  }

  private static String hex(String s) {
    return HexFormat.of().withUpperCase().formatHex(s.getBytes(StandardCharsets.UTF_8));
  }
}
