package dev.tollgate.processor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.processor.PriceFallback;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventPricerBaselineTest {
  private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant MAR_1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant MAR_5 = Instant.parse("2026-03-05T10:00:00Z");

  private final PriceEntry gpt4o = price("openai", "gpt-4o", JAN_1, "2.50", "10").setCachedInputPerMtok(usd("1.25")).build();
  private final PriceEntry mini = price("openai", "gpt-4o-mini", JAN_1, "0.15", "0.60").build();
  private final PriceEntry miniFromMarch = price("openai", "gpt-4o-mini", MAR_1, "0.30", "1.20").build();
  private final PriceEntry llama = price("local", "llama-3-8b", JAN_1, "0", "0").build();
  private final PriceIndex catalog = PriceIndex.of(List.of(gpt4o, mini, miniFromMarch, llama));
  private final EventPricer pricer = new EventPricer(PriceFallback.dearest(), new HashSet<>());

  @Test
  void shouldPriceTheBaselineModelWithTheCallsTokensAndCachedShare() {
    // given: a call switched from gpt-4o to gpt-4o-mini, 1000 input of which 400 cached, 200 output
    UsageEvent call = call("openai", "gpt-4o-mini", Instant.parse("2026-02-10T08:00:00Z"))
        .setCachedInputTokens(400).setBaselineModel("gpt-4o").build();

    // when
    PricedUsageEvent priced = pricer.price(call, catalog, call.getOccurredAt());

    // then: 600 × 2.50 + 400 × 1.25 + 200 × 10 per million
    assertThat(priced.getBaselineCostUsd()).isEqualByComparingTo("0.004");
    assertThat(priced.getCostUsd()).isEqualByComparingTo("0.000270");
    assertThat(priced.getBaselinePrice()).isSameAs(gpt4o);
  }

  @Test
  void shouldPriceABaselineModelOfAnotherProviderAtTheEventsTime() {
    // given: a local model call that replaced gpt-4o-mini, after mini's price rose on 1 March
    UsageEvent call = call("local", "llama-3-8b", MAR_5).setBaselineModel("gpt-4o-mini").build();

    // when
    PricedUsageEvent priced = pricer.price(call, catalog, MAR_5);

    // then: 1000 × 0.30 + 200 × 1.20 per million, at the March price
    assertThat(priced.getCostUsd()).isEqualByComparingTo("0");
    assertThat(priced.getBaselineCostUsd()).isEqualByComparingTo("0.00054");
    assertThat(priced.getBaselinePrice()).isSameAs(miniFromMarch);
  }

  @Test
  void shouldAcceptAProviderQualifiedBaselineModel() {
    // given
    UsageEvent call = call("local", "llama-3-8b", MAR_5).setBaselineModel("openai/gpt-4o").build();

    // when
    PricedUsageEvent priced = pricer.price(call, catalog, MAR_5);

    // then: 1000 × 2.50 + 200 × 10 per million
    assertThat(priced.getBaselineCostUsd()).isEqualByComparingTo("0.0045");
  }

  @Test
  void shouldPriceBaselineTokensUncachedAtTheCallsOwnPrice() {
    // given: sampling cut a 4000-token prompt to 1000, of which 400 were served from the prompt cache
    UsageEvent call = call("openai", "gpt-4o", MAR_5).setCachedInputTokens(400)
        .setBaselineInputTokens(4000L).setBaselineOutputTokens(800L).build();

    // when
    PricedUsageEvent priced = pricer.price(call, catalog, MAR_5);

    // then: baseline 4000 × 2.50 + 800 × 10; the call 600 × 2.50 + 400 × 1.25 + 200 × 10
    assertThat(priced.getBaselineCostUsd()).isEqualByComparingTo("0.018");
    assertThat(priced.getCostUsd()).isEqualByComparingTo("0.004");
    assertThat(priced.getBaselinePrice()).isSameAs(gpt4o);
  }

  @Test
  void shouldLeaveTheBaselineEmptyWhenItsModelHasNoPriceOrNoBaselineIsNamed() {
    // given
    UsageEvent unknownBaseline = call("openai", "gpt-4o-mini", MAR_5).setBaselineModel("gpt-9").build();
    UsageEvent plain = call("openai", "gpt-4o-mini", MAR_5).build();

    // when
    PricedUsageEvent first = pricer.price(unknownBaseline, catalog, MAR_5);
    PricedUsageEvent second = pricer.price(plain, catalog, MAR_5);

    // then: the call itself is priced as always
    assertThat(first.getBaselineCostUsd()).isNull();
    assertThat(first.getCostUsd()).isEqualByComparingTo("0.00054");
    assertThat(second.getBaselineCostUsd()).isNull();
    assertThat(second.getBaselinePrice()).isNull();
  }

  @Test
  void shouldGiveAnAdjustmentNoBaseline() {
    // given: a credit note that names a baseline model by mistake
    UsageEvent credit = call("openai", "gpt-4o", MAR_5).setOperation("adjustment").setAmountUsd(usd("-5"))
        .setReason("goodwill").setReference("CN-1").setBaselineModel("gpt-4o").build();

    // when
    PricedUsageEvent priced = pricer.price(credit, catalog, MAR_5);

    // then
    assertThat(priced.getCostUsd()).isEqualByComparingTo("-5");
    assertThat(priced.getBaselineCostUsd()).isNull();
  }

  private static UsageEvent.Builder call(String provider, String model, Instant at) {
    return UsageEvent.newBuilder().setEventId("e-" + model + at.toEpochMilli()).setOccurredAt(at)
        .setTenantId("acme").setTeamId("search").setUserId("u-1").setFeature("assistant")
        .setProvider(provider).setModel(model).setInputTokens(1000).setOutputTokens(200);
  }

  private static PriceEntry.Builder price(String provider, String model, Instant from, String input, String output) {
    return PriceEntry.newBuilder().setProvider(provider).setModel(model).setEffectiveFrom(from)
        .setInputPerMtok(usd(input)).setOutputPerMtok(usd(output));
  }

  private static BigDecimal usd(String amount) {
    return new BigDecimal(amount).setScale(12);
  }
}
