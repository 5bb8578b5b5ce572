package dev.tollgate.processor;

import static dev.tollgate.processor.TestData.JAN_1;
import static dev.tollgate.processor.TestData.MAR_1_10H;
import static dev.tollgate.processor.TestData.chat;
import static dev.tollgate.processor.TestData.price;
import static dev.tollgate.processor.TestData.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingTopologyPricingTest {
  @TempDir Path stateDir;
  private TopologyFixture topology;

  @BeforeEach
  void start() {
    topology = new TopologyFixture(stateDir);
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  @Test
  void shouldPriceAnEventAtItsCatalogPriceKeyedByIdAndStampedWithOccurredAt() {
    // given
    PriceEntry gpt4o = price("openai", "gpt-4o", JAN_1, "2.50", "10.00").build();
    topology.publishPrice(gpt4o);
    UsageEvent event = chat("e-1").build();

    // when: published an hour after it occurred, as a retrying producer might
    topology.publishRaw("e-1", new UsageEventCodec().encode(event), MAR_1_10H.plusSeconds(3600));

    // then: 1200 × 2.50 / 1e6 + 300 × 10 / 1e6
    List<TestRecord<String, PricedUsageEvent>> out = topology.pricedRecords();
    assertThat(out).hasSize(1);
    TestRecord<String, PricedUsageEvent> record = out.get(0);
    assertThat(record.key()).isEqualTo("e-1");
    assertThat(record.getRecordTime()).isEqualTo(MAR_1_10H);
    assertThat(record.value().getCostUsd()).isEqualTo(new BigDecimal("0.006000000000"));
    assertThat(record.value().getPriceSource()).isEqualTo("catalog");
    assertThat(record.value().getPrice()).isEqualTo(gpt4o);
    assertThat(record.value().getEvent()).isEqualTo(event);
    assertThat(record.value().getPricedAt()).isEqualTo(TopologyFixture.START);
  }

  @Test
  void shouldPriceCachedInputAtTheCachedPrice() {
    // given
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "2.50", "10.00").setCachedInputPerMtok(usd("1.25")).build());

    // when
    topology.publish(chat("e-1").setInputTokens(1000).setCachedInputTokens(400).setOutputTokens(200).build());

    // then: 600 × 2.50 + 400 × 1.25 + 200 × 10 = 4000 per million
    assertThat(topology.onlyPriced().getCostUsd()).isEqualTo(new BigDecimal("0.004000000000"));
  }

  @Test
  void shouldPriceCachedInputAtTheInputPriceWhenTheEntryHasNoCachedPrice() {
    // given
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "2.50", "10.00").build());

    // when
    topology.publish(chat("e-1").setInputTokens(1000).setCachedInputTokens(400).setOutputTokens(200).build());

    // then: 1000 × 2.50 + 200 × 10 = 4500 per million
    assertThat(topology.onlyPriced().getCostUsd()).isEqualTo(new BigDecimal("0.004500000000"));
  }

  @Test
  void shouldApplyTheBatchDiscountToBatchEventsOnly() {
    // given
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "2.50", "10.00").setBatchDiscountPct(usd("50")).build());

    // when
    topology.publish(chat("batch").setBatch(true).build());
    topology.publish(chat("interactive").build());

    // then
    List<PricedUsageEvent> out = topology.priced();
    assertThat(out).extracting(PricedUsageEvent::getCostUsd)
        .containsExactly(new BigDecimal("0.003000000000"), new BigDecimal("0.006000000000"));
  }

  @Test
  void shouldPriceTranscriptionByTheMinute() {
    // given
    topology.publishPrice(price("openai", "whisper-1", JAN_1, "0", "0").setPerAudioMinute(usd("0.006")).build());

    // when
    topology.publish(chat("t-1", "openai", "whisper-1", MAR_1_10H).setOperation("transcription")
        .setInputTokens(0).setOutputTokens(0).setAudioSeconds(new BigDecimal("90.500")).build());

    // then: 90.5 s / 60 × 0.006
    PricedUsageEvent priced = topology.onlyPriced();
    assertThat(priced.getCostUsd()).isEqualTo(new BigDecimal("0.009050000000"));
    assertThat(priced.getPriceSource()).isEqualTo("catalog");
  }

  @Test
  void shouldPriceAnAdjustmentAtItsAmountWithoutAPrice() {
    // given
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "2.50", "10.00").build());
    UsageEvent refund = chat("adj-1", "", "", MAR_1_10H).setUserId("").setFeature("")
        .setInputTokens(0).setOutputTokens(0).setOperation("adjustment")
        .setAmountUsd(usd("-12.5")).setReason("refund of an outage").setReference("INV-2026-03").build();

    // when
    topology.publish(refund);

    // then
    PricedUsageEvent priced = topology.onlyPriced();
    assertThat(priced.getCostUsd()).isEqualTo(new BigDecimal("-12.500000000000"));
    assertThat(priced.getPriceSource()).isEqualTo("adjustment");
    assertThat(priced.getPrice()).isNull();
  }

  @Test
  void shouldAcceptTheJsonFormAsWellAsAvro() {
    // given
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "2.50", "10.00").build());
    String json = """
        {"event_id": "json-1", "occurred_at": "2026-03-01T10:00:00Z", "tenant_id": "acme",
         "user_id": "u-1", "feature": "assistant", "provider": "openai", "model": "gpt-4o",
         "input_tokens": 1200, "output_tokens": 300, "batch": false}
        """;

    // when
    topology.publishJson("json-1", json, MAR_1_10H);
    topology.publish(chat("avro-1").build());

    // then
    List<TestRecord<String, PricedUsageEvent>> out = topology.pricedRecords();
    assertThat(out).extracting(TestRecord::key).containsExactly("json-1", "avro-1");
    assertThat(out.get(0).value().getEvent().getTenantId()).isEqualTo("acme");
    assertThat(out.get(0).getRecordTime()).isEqualTo(MAR_1_10H);
    assertThat(out).extracting(r -> r.value().getCostUsd())
        .containsExactly(new BigDecimal("0.006000000000"), new BigDecimal("0.006000000000"));
  }
}
