package dev.tollgate.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

  private static PriceEntry.Builder price(String in, String out) {
    return PriceEntry.newBuilder().setProvider("openai").setModel("gpt-4o")
        .setEffectiveFrom(Instant.EPOCH)
        .setInputPerMtok(new BigDecimal(in).setScale(12))
        .setOutputPerMtok(new BigDecimal(out).setScale(12));
  }

  private static UsageEvent.Builder call(long in, long cached, long out) {
    return UsageEvent.newBuilder().setEventId("e").setOccurredAt(Instant.EPOCH).setTenantId("t")
        .setUserId("u").setFeature("f").setProvider("openai").setModel("gpt-4o")
        .setInputTokens(in).setCachedInputTokens(cached).setOutputTokens(out);
  }

  @Test
  void shouldPriceInputAndOutputTokensPerMillion() {
    // given 1,234 input at $2.50/M and 567 output at $10/M
    // when
    BigDecimal cost = CostCalculator.cost(call(1234, 0, 567).build(), price("2.5", "10").build());

    // then 0.003085 + 0.00567
    assertThat(cost).isEqualTo(new BigDecimal("0.008755000000"));
  }

  @Test
  void shouldPriceCachedInputAtTheCachedPriceOrElseTheInputPrice() {
    // given 1,000 input of which 600 cached
    UsageEvent e = call(1000, 600, 0).build();

    // when
    BigDecimal withCachedPrice = CostCalculator.cost(e, price("2.5", "10").setCachedInputPerMtok(new BigDecimal("1.25").setScale(12)).build());
    BigDecimal withoutCachedPrice = CostCalculator.cost(e, price("2.5", "10").build());

    // then 400 × 2.5/M + 600 × 1.25/M, and 1000 × 2.5/M
    assertThat(withCachedPrice).isEqualTo(new BigDecimal("0.001750000000"));
    assertThat(withoutCachedPrice).isEqualTo(new BigDecimal("0.002500000000"));
  }

  @Test
  void shouldTakeTheBatchDiscountOnlyFromBatchCalls() {
    // given
    PriceEntry p = price("3", "15").setBatchDiscountPct(new BigDecimal("50").setScale(12)).build();

    // when
    BigDecimal batch = CostCalculator.cost(call(1_000_000, 0, 1_000_000).setBatch(true).build(), p);
    BigDecimal online = CostCalculator.cost(call(1_000_000, 0, 1_000_000).build(), p);

    // then
    assertThat(batch).isEqualTo(new BigDecimal("9.000000000000"));
    assertThat(online).isEqualTo(new BigDecimal("18.000000000000"));
  }

  @Test
  void shouldPriceAudioPerMinuteAndRoundOnceHalfEvenAtTwelveDecimals() {
    // given 7 s at $0.006/min is exact; 1 s at $0.001/min is 0.0000166…
    PriceEntry whisper = price("0", "0").setPerAudioMinute(new BigDecimal("0.006").setScale(12)).build();
    PriceEntry odd = price("0", "0").setPerAudioMinute(new BigDecimal("0.001").setScale(12)).build();

    // when
    BigDecimal exact = CostCalculator.cost(call(0, 0, 0).setAudioSeconds(new BigDecimal("7.000")).build(), whisper);
    BigDecimal rounded = CostCalculator.cost(call(0, 0, 0).setAudioSeconds(new BigDecimal("1.000")).build(), odd);

    // then
    assertThat(exact).isEqualTo(new BigDecimal("0.000700000000"));
    assertThat(rounded).isEqualTo(new BigDecimal("0.000016666667"));
  }

  @Test
  void shouldStayExactForPricesWithSixDecimalsAndHugeTokenCounts() {
    // given
    PriceEntry p = price("0.000001", "123.456789").build();

    // when
    BigDecimal cost = CostCalculator.cost(call(999_999_999_999L, 0, 7).build(), p);

    // then 999999999999 × 0.000001 / 1e6 + 7 × 123.456789 / 1e6
    assertThat(cost).isEqualTo(new BigDecimal("0.999999999999").add(new BigDecimal("0.000864197523")));
  }
}
