package dev.tollgate.processor;

import static dev.tollgate.processor.TestData.JAN_1;
import static dev.tollgate.processor.TestData.MAR_1_10H;
import static dev.tollgate.processor.TestData.chat;
import static dev.tollgate.processor.TestData.price;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingTopologyFallbackTest {
  @TempDir Path stateDir;
  private TopologyFixture topology;

  @AfterEach
  void stop() {
    topology.close();
  }

  private void startWith(PriceFallback fallback) {
    topology = new TopologyFixture(stateDir, fallback, ProcessorConfig.DEFAULT_DEDUP_HORIZON);
  }

  private void publishCatalog() {
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "2.50", "10.00").build());
    topology.publishPrice(price("openai", "gpt-4.1-mini", JAN_1, "0.40", "1.60").build());
    topology.publishPrice(price("openai", "o1", JAN_1, "15.00", "60.00").build());
    topology.publishPrice(price("openai", "o1-lookalike", JAN_1, "10.00", "60.00").build());
    topology.publishPrice(price("openai", "o3-pro", Instant.parse("2026-06-01T00:00:00Z"), "20.00", "80.00").build());
    topology.publishPrice(price("anthropic", "claude-opus", JAN_1, "15.00", "75.00").build());
  }

  @Test
  void shouldPriceAnUnknownModelAtTheDearestModelOfItsProviderInEffect() {
    // given: o3-pro is dearer but not yet in effect; o1 beats o1-lookalike on input price
    startWith(PriceFallback.dearest());
    publishCatalog();

    // when
    topology.publish(chat("e-1", "openai", "gpt-9", MAR_1_10H).build());

    // then: 1200 × 15 + 300 × 60 = 36000 per million
    PricedUsageEvent priced = topology.onlyPriced();
    assertThat(priced.getPriceSource()).isEqualTo("fallback");
    assertThat(priced.getCostUsd()).isEqualTo(new BigDecimal("0.036000000000"));
    assertThat(priced.getPrice().getModel()).isEqualTo("o1");
    assertThat(priced.getEvent().getModel()).isEqualTo("gpt-9");
  }

  @Test
  void shouldPriceAnUnknownProviderAtTheDearestEntryOverall() {
    // given
    startWith(PriceFallback.dearest());
    publishCatalog();

    // when
    topology.publish(chat("e-1", "mistral", "mistral-large", MAR_1_10H).build());

    // then: 1200 × 15 + 300 × 75 = 40500 per million
    PricedUsageEvent priced = topology.onlyPriced();
    assertThat(priced.getPriceSource()).isEqualTo("fallback");
    assertThat(priced.getPrice().getModel()).isEqualTo("claude-opus");
    assertThat(priced.getCostUsd()).isEqualTo(new BigDecimal("0.040500000000"));
  }

  @Test
  void shouldPriceAnUnknownModelAtTheConfiguredFixedModel() {
    // given
    startWith(PriceFallback.parse("openai/gpt-4o"));
    publishCatalog();

    // when
    topology.publish(chat("e-1", "anthropic", "claude-next", MAR_1_10H).build());

    // then
    PricedUsageEvent priced = topology.onlyPriced();
    assertThat(priced.getPriceSource()).isEqualTo("fallback");
    assertThat(priced.getPrice().getModel()).isEqualTo("gpt-4o");
    assertThat(priced.getCostUsd()).isEqualTo(new BigDecimal("0.006000000000"));
  }

  @Test
  void shouldPriceEveryEventOfAnUnknownModelNotOnlyTheFirst() {
    // given
    startWith(PriceFallback.dearest());
    publishCatalog();

    // when
    topology.publish(chat("e-1", "openai", "gpt-9", MAR_1_10H).build());
    topology.publish(chat("e-2", "openai", "gpt-9", MAR_1_10H).build());

    // then
    assertThat(topology.priced()).extracting(PricedUsageEvent::getPriceSource).containsExactly("fallback", "fallback");
  }

  @Test
  void shouldEmitAnEventUnpricedWhenTheCatalogIsEmpty() {
    // given
    startWith(PriceFallback.dearest());

    // when
    topology.publish(chat("e-1").build());

    // then
    PricedUsageEvent priced = topology.onlyPriced();
    assertThat(priced.getPriceSource()).isEqualTo("unpriced");
    assertThat(priced.getCostUsd()).isEqualTo(new BigDecimal("0.000000000000"));
    assertThat(priced.getPrice()).isNull();
  }
}
