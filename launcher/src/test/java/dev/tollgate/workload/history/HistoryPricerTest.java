package dev.tollgate.workload.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryPricerTest {
  private static final PriceEntry O3_APRIL = price("2025-04-16T00:00:00Z", "10", "40");
  private static final PriceEntry O3_JUNE = price("2025-06-10T00:00:00Z", "2", "8");
  private static final HistoryPricer PRICER = new HistoryPricer(List.of(O3_JUNE, O3_APRIL));

  @Test
  void shouldPriceByTheNewestEntryInEffectWhenTheCallOccurred() {
    // given one call just before the June price cut and one at its first instant
    UsageEvent before = call("a", "2025-06-09T23:59:59.999Z");
    UsageEvent at = call("b", "2025-06-10T00:00:00Z");

    // when
    PricedUsageEvent pricedBefore = PRICER.price(before, Instant.parse("2026-01-01T00:00:00Z"));
    PricedUsageEvent pricedAt = PRICER.price(at, Instant.parse("2026-01-01T00:00:00Z"));

    // then
    assertThat(pricedBefore.getCostUsd()).isEqualByComparingTo(CostCalculator.cost(before, O3_APRIL)).isEqualByComparingTo("0.05");
    assertThat(pricedAt.getCostUsd()).isEqualByComparingTo("0.01");
    assertThat(pricedAt.getPrice()).isEqualTo(O3_JUNE);
    assertThat(pricedAt.getPriceSource()).isEqualTo("catalog");
    assertThat(pricedAt.getPricedAt()).isEqualTo(Instant.parse("2025-06-10T00:00:02Z"));
  }

  @Test
  void shouldNeverPriceAfterTheLatestInstantGiven() {
    // given
    UsageEvent event = call("a", "2025-06-30T23:59:59.500Z");

    // when
    PricedUsageEvent priced = PRICER.price(event, Instant.parse("2025-07-01T00:00:00Z"));

    // then
    assertThat(priced.getPricedAt()).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
  }

  @Test
  void shouldCostACreditItsOwnAmount() {
    // given
    UsageEvent credit = UsageEvent.newBuilder(call("c", "2025-06-12T10:00:00Z")).setProvider("").setModel("")
        .setInputTokens(0).setOutputTokens(0).setOperation("adjustment")
        .setAmountUsd(new BigDecimal("-12.34")).setReason("goodwill credit").setReference("CR-1").build();

    // when
    PricedUsageEvent priced = PRICER.price(credit, Instant.parse("2026-01-01T00:00:00Z"));

    // then
    assertThat(priced.getCostUsd()).isEqualTo(new BigDecimal("-12.340000000000"));
    assertThat(priced.getPriceSource()).isEqualTo("adjustment");
    assertThat(priced.getPrice()).isNull();
  }

  private static UsageEvent call(String id, String at) {
    return UsageEvent.newBuilder().setEventId(id).setOccurredAt(Instant.parse(at)).setTenantId("tenant-001")
        .setUserId("u").setFeature("code-review").setProvider("openai").setModel("o3")
        .setInputTokens(1000).setOutputTokens(1000).build();
  }

  private static PriceEntry price(String from, String input, String output) {
    return PriceEntry.newBuilder().setProvider("openai").setModel("o3").setEffectiveFrom(Instant.parse(from))
        .setInputPerMtok(new BigDecimal(input).setScale(12)).setOutputPerMtok(new BigDecimal(output).setScale(12)).build();
  }
}
