package dev.tollgate.processor;

import static dev.tollgate.processor.TestData.JAN_1;
import static dev.tollgate.processor.TestData.MAR_1_10H;
import static dev.tollgate.processor.TestData.chat;
import static dev.tollgate.processor.TestData.price;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.FallbackUse;
import dev.tollgate.schemas.avro.UsageSpend;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingTopologySpendTest {
  @TempDir Path stateDir;
  private TopologyFixture topology;

  @BeforeEach
  void start() {
    topology = new TopologyFixture(stateDir);
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "2.50", "10.00").build());
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  @Test
  void shouldHandEachPricedEventsSpendToBudgetsKeyedByTenantAtItsOccurredAt() {
    // given
    topology.publish(chat("e-1").setTenantId("acme").setTeamId(null).build());

    // when
    topology.publishRaw("e-2", new UsageEventCodec().encode(
        chat("e-2").setTenantId("globex").setUserId("u-9").setFeature("search").build()), MAR_1_10H.plusSeconds(60));

    // then: 1200 × 2.50 / 1e6 + 300 × 10 / 1e6 each, stamped with occurred_at, not the publish time
    List<TestRecord<String, UsageSpend>> spend = topology.spendRecords();
    assertThat(spend).extracting(TestRecord::key).containsExactly("acme", "globex");
    assertThat(spend).extracting(TestRecord::getRecordTime).containsExactly(MAR_1_10H, MAR_1_10H);
    UsageSpend first = spend.get(0).value();
    assertThat(first.getTeamId()).isNull();
    assertThat(first.getUserId()).isEqualTo("u-1");
    assertThat(first.getFeature()).isEqualTo("assistant");
    assertThat(first.getOccurredAt()).isEqualTo(MAR_1_10H);
    assertThat(first.getCostUsd()).isEqualTo(new BigDecimal("0.006000000000"));
    assertThat(first.getFallback()).isNull();
    assertThat(spend.get(1).value().getUserId()).isEqualTo("u-9");
    assertThat(spend.get(1).value().getFeature()).isEqualTo("search");
  }

  @Test
  void shouldSendNoSpendForADuplicateNorForARejectedEvent() {
    // given
    topology.publish(chat("e-1").build());

    // when: a producer's retry, and an event with negative tokens
    topology.publish(chat("e-1").build());
    topology.publish(chat("e-2").setInputTokens(-1).build());

    // then
    assertThat(topology.spendRecords()).hasSize(1);
    assertThat(topology.rejectedRecords()).hasSize(1);
  }

  @Test
  void shouldNameTheModelAndTheEntryUsedWhenTheFallbackPricedIt() {
    // given: gpt-9 is not in the catalog, so the dearest openai model prices it

    // when
    topology.publish(chat("e-7", "openai", "gpt-9", MAR_1_10H).build());

    // then
    UsageSpend spend = topology.spendRecords().get(0).value();
    assertThat(spend.getCostUsd()).isEqualTo(new BigDecimal("0.006000000000"));
    FallbackUse fallback = spend.getFallback();
    assertThat(fallback.getProvider()).isEqualTo("openai");
    assertThat(fallback.getModel()).isEqualTo("gpt-9");
    assertThat(fallback.getEventId()).isEqualTo("e-7");
    assertThat(fallback.getPricedAs()).isEqualTo("openai/gpt-4o");
  }
}
