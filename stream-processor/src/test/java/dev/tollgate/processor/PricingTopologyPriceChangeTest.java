package dev.tollgate.processor;

import static dev.tollgate.processor.TestData.JAN_1;
import static dev.tollgate.processor.TestData.chat;
import static dev.tollgate.processor.TestData.price;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gpt-4o: 2.50 / 10.00 from January 1st, then 1.25 / 5.00 from March 1st at noon. */
class PricingTopologyPriceChangeTest {
  private static final Instant MAR_1_NOON = Instant.parse("2026-03-01T12:00:00Z");
  private static final BigDecimal OLD_PRICE_COST = new BigDecimal("0.006000000000");
  private static final BigDecimal NEW_PRICE_COST = new BigDecimal("0.003000000000");

  @TempDir Path stateDir;
  private TopologyFixture topology;
  private final PriceEntry january = price("openai", "gpt-4o", JAN_1, "2.50", "10.00").build();
  private final PriceEntry march = price("openai", "gpt-4o", MAR_1_NOON, "1.25", "5.00").build();

  @BeforeEach
  void start() {
    topology = new TopologyFixture(stateDir);
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  @Test
  void shouldPriceEachEventAtThePriceInEffectWhenItOccurred() {
    // given
    topology.publishPrice(january);
    topology.publishPrice(march);

    // when
    topology.publish(chat("before", "openai", "gpt-4o", MAR_1_NOON.minusMillis(1)).build());
    topology.publish(chat("at", "openai", "gpt-4o", MAR_1_NOON).build());
    topology.publish(chat("after", "openai", "gpt-4o", MAR_1_NOON.plusSeconds(3600)).build());

    // then
    assertThat(topology.priced()).extracting(PricedUsageEvent::getCostUsd)
        .containsExactly(OLD_PRICE_COST, NEW_PRICE_COST, NEW_PRICE_COST);
  }

  @Test
  void shouldPriceALateEventAtTheOldPriceAfterANewPriceArrived() {
    // given: the new price is published and already used
    topology.publishPrice(january);
    topology.publishPrice(march);
    topology.publish(chat("current", "openai", "gpt-4o", MAR_1_NOON.plusSeconds(7200)).build());

    // when: an event that occurred before the change arrives late
    topology.publish(chat("late", "openai", "gpt-4o", MAR_1_NOON.minusSeconds(3600)).build());

    // then
    assertThat(topology.priced()).extracting(p -> p.getEvent().getEventId() + "=" + p.getCostUsd())
        .containsExactly("current=" + NEW_PRICE_COST, "late=" + OLD_PRICE_COST);
  }

  @Test
  void shouldPriceByACorrectedEntryRepublishedUnderTheSameKey() {
    // given
    topology.publishPrice(january);
    topology.publish(chat("first", "openai", "gpt-4o", MAR_1_NOON).build());

    // when: the January figure is corrected
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "3.00", "10.00").build());
    topology.publish(chat("second", "openai", "gpt-4o", MAR_1_NOON).build());

    // then: 1200 × 3.00 + 300 × 10 = 6600 per million
    assertThat(topology.priced()).extracting(PricedUsageEvent::getCostUsd)
        .containsExactly(OLD_PRICE_COST, new BigDecimal("0.006600000000"));
  }

  @Test
  void shouldFallBackToTheEarlierEntryWhenTheNewerOneIsDeleted() {
    // given
    topology.publishPrice(january);
    topology.publishPrice(march);
    topology.publish(chat("before-delete", "openai", "gpt-4o", MAR_1_NOON.plusSeconds(60)).build());

    // when
    topology.deletePrice(PriceKeys.of(march));
    topology.publish(chat("after-delete", "openai", "gpt-4o", MAR_1_NOON.plusSeconds(60)).build());

    // then
    assertThat(topology.priced()).extracting(p -> p.getPriceSource() + " " + p.getCostUsd())
        .containsExactly("catalog " + NEW_PRICE_COST, "catalog " + OLD_PRICE_COST);
  }

  @Test
  void shouldNotApplyAnEntryToEventsBeforeItsEffectiveFrom() {
    // given: the only entry starts at noon
    topology.publishPrice(march);

    // when
    topology.publish(chat("morning", "openai", "gpt-4o", MAR_1_NOON.minusSeconds(3600)).build());

    // then
    PricedUsageEvent priced = topology.onlyPriced();
    assertThat(priced.getPriceSource()).isEqualTo("unpriced");
    assertThat(priced.getCostUsd()).isEqualTo(new BigDecimal("0.000000000000"));
  }
}
