package dev.tollgate.analytics.recommend.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.recommend.TestPrices;
import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TokenMixTest {

  private static List<UsageEvent> calls(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<UsageEvent> out = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      long input = random.nextInt(20_000);
      out.add(UsageEvent.newBuilder().setEventId("e" + i).setOccurredAt(Instant.parse("2026-10-01T00:00:00Z"))
          .setTenantId("t").setUserId("u").setFeature("f").setProvider("p").setModel("m")
          .setInputTokens(input).setCachedInputTokens(random.nextBoolean() ? random.nextLong(input + 1) : 0)
          .setOutputTokens(random.nextInt(3_000)).setBatch(random.nextInt(4) == 0).build());
    }
    return out;
  }

  private static TokenMix mixOf(List<UsageEvent> calls) {
    TokenMix.Tokens interactive = TokenMix.Tokens.NONE;
    TokenMix.Tokens batch = TokenMix.Tokens.NONE;
    long batchCalls = 0;
    for (UsageEvent e : calls) {
      TokenMix.Tokens t = new TokenMix.Tokens(e.getInputTokens(), e.getCachedInputTokens(), e.getOutputTokens());
      if (e.getBatch()) {
        batch = batch.plus(t);
        batchCalls++;
      } else {
        interactive = interactive.plus(t);
      }
    }
    return new TokenMix(calls.size(), batchCalls, interactive, batch);
  }

  private static BigDecimal sum(List<UsageEvent> calls, PriceEntry price) {
    return calls.stream().map(e -> CostCalculator.cost(e, price)).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void shouldCostWhatItsCallsCostOneByOne() {
    // given
    List<UsageEvent> calls = calls(7);

    // when / then
    for (PriceEntry price : List.of(TestPrices.GPT_4O, TestPrices.SONNET_4, TestPrices.PLAIN, TestPrices.EMBEDDING)) {
      assertThat(mixOf(calls).costAt(price)).as(price.getModel()).isEqualByComparingTo(sum(calls, price));
    }
  }

  @Test
  void shouldCostTheChangedMixesAsTheChangedCallsWould() {
    // given
    List<UsageEvent> calls = calls(11);
    List<UsageEvent> cached = calls.stream().map(e -> UsageEvent.newBuilder(e).setCachedInputTokens(e.getInputTokens()).build()).toList();
    List<UsageEvent> batched = calls.stream().map(e -> UsageEvent.newBuilder(e).setBatch(true).build()).toList();
    List<UsageEvent> noUncached = calls.stream().map(e -> UsageEvent.newBuilder(e).setInputTokens(e.getCachedInputTokens()).build()).toList();
    TokenMix mix = mixOf(calls);

    // when / then
    assertThat(mix.allInputCached().costAt(TestPrices.SONNET_4)).isEqualByComparingTo(sum(cached, TestPrices.SONNET_4));
    assertThat(mix.allBatch().costAt(TestPrices.SONNET_4)).isEqualByComparingTo(sum(batched, TestPrices.SONNET_4));
    assertThat(mix.withoutUncachedInput().costAt(TestPrices.SONNET_4)).isEqualByComparingTo(sum(noUncached, TestPrices.SONNET_4));
    assertThat(mix.allBatch().interactiveCalls()).isZero();
  }
}
