package dev.tollgate.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Savings read from the real ClickHouse against the same sums computed in Java from each call. */
class SavingsIT {
  private static final String DATABASE = "tollgate_it_savings_" + UUID.randomUUID().toString().replace("-", "");
  private static final ReportRange NOVEMBER = ReportRange.month(YearMonth.of(2026, 11));
  private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");
  private static final PriceEntry GPT4O = price("gpt-4o", "2.50", "10", "1.25");
  private static final PriceEntry MINI = price("gpt-4o-mini", "0.15", "0.60", "0.075");
  private static final List<PricedUsageEvent> EVENTS = new ArrayList<>();
  private static ClickHouseHttp clickHouse;

  @BeforeAll
  static void load() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    Schema.apply(clickHouse, DATABASE);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 3_000; i++) {
      Instant at = NOV_1.plusSeconds(random.nextLong(40L * 86_400)).minusSeconds(5L * 86_400);
      EVENTS.add(switch (i % 5) {
        case 0 -> switched(i, at, random);
        case 1 -> sampled(i, at, random);
        case 2 -> cacheHit(i, at, random);
        case 3 -> unpricedBaseline(i, at);
        default -> plain(i, at, random);
      });
    }
    ReportData.insert(clickHouse, DATABASE, EVENTS);
  }

  @AfterAll
  static void drop() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  @Test
  void shouldReportActualAgainstBaselinePerFeatureAndOptimizationAsTheCallsAddUp() {
    // when
    Savings savings = new SavingsQueries(clickHouse, DATABASE).savings(NOVEMBER, Optional.empty());

    // then
    Map<String, BigDecimal[]> expected = expectedByFeatureAndOptimization(Optional.empty());
    assertThat(savings.lines()).hasSize(expected.size());
    for (SavingsLine line : savings.lines()) {
      BigDecimal[] sums = expected.get(line.feature() + "|" + line.optimization());
      assertThat(sums).as(line.feature() + "|" + line.optimization()).isNotNull();
      assertThat(line.actualUsd()).isEqualByComparingTo(sums[0]);
      assertThat(line.baselineUsd()).isEqualByComparingTo(sums[1]);
      assertThat(line.calls()).isEqualTo(sums[2].longValueExact());
    }
    assertThat(savings.unpricedBaselines()).isEqualTo(EVENTS.stream()
        .filter(e -> inNovember(e.getEvent().getOccurredAt()) && e.getEvent().getBaselineModel() != null
            && e.getBaselineCostUsd() == null).count());
  }

  @Test
  void shouldMeasureTheShareAnOptimizationCutAndGroupByOptimization() {
    // when
    Savings savings = new SavingsQueries(clickHouse, DATABASE).savings(NOVEMBER, Optional.of("acme"));

    // then: sampling sent a quarter of the tokens to the same model, so it cut cost by exactly 75%
    SavingsLine sampling = savings.byOptimization().stream().filter(l -> l.optimization().equals("sampling")).findFirst().orElseThrow();
    assertThat(sampling.savingPct()).contains(new BigDecimal("75.0"));
    assertThat(savings.byOptimization()).extracting(SavingsLine::optimization)
        .containsExactlyInAnyOrder("sampling", "model-switch", "token-cut");
    BigDecimal total = savings.total().savingUsd();
    assertThat(savings.byFeature().stream().map(SavingsLine::savingUsd).reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(total);
    Map<String, BigDecimal[]> expected = expectedByFeatureAndOptimization(Optional.of("acme"));
    BigDecimal expectedSaving = expected.values().stream().map(s -> s[1].subtract(s[0])).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(total).isEqualByComparingTo(expectedSaving);
  }

  private static Map<String, BigDecimal[]> expectedByFeatureAndOptimization(Optional<String> tenant) {
    Map<String, BigDecimal[]> sums = new HashMap<>();
    for (PricedUsageEvent p : EVENTS) {
      UsageEvent e = p.getEvent();
      if (p.getBaselineCostUsd() == null || !inNovember(e.getOccurredAt())
          || tenant.filter(t -> !t.equals(e.getTenantId())).isPresent()) {
        continue;
      }
      String optimization = e.getAttributes().getOrDefault("optimization",
          e.getBaselineModel() != null ? "model-switch" : "token-cut");
      BigDecimal[] s = sums.computeIfAbsent(e.getFeature() + "|" + optimization,
          k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(p.getCostUsd());
      s[1] = s[1].add(p.getBaselineCostUsd());
      s[2] = s[2].add(BigDecimal.ONE);
    }
    return sums;
  }

  private static boolean inNovember(Instant at) {
    return !at.isBefore(NOVEMBER.from()) && at.isBefore(NOVEMBER.to());
  }

  /** Served by gpt-4o-mini where gpt-4o was used before. */
  private static PricedUsageEvent switched(int i, Instant at, SplittableRandom random) {
    UsageEvent e = call(i, at, "gpt-4o-mini", "faq", random).setBaselineModel("gpt-4o").build();
    return priced(e, MINI, CostCalculator.cost(e, GPT4O));
  }

  /** Sampling sent a quarter of the prompt and got a quarter of the answer. */
  private static PricedUsageEvent sampled(int i, Instant at, SplittableRandom random) {
    UsageEvent.Builder b = call(i, at, "gpt-4o", "digest", random).setAttributes(Map.of("optimization", "sampling"));
    long input = 4_000 + 4L * random.nextInt(1_000);
    long output = 400 + 4L * random.nextInt(100);
    UsageEvent e = b.setInputTokens(input / 4).setCachedInputTokens(0).setOutputTokens(output / 4)
        .setBaselineInputTokens(input).setBaselineOutputTokens(output).build();
    UsageEvent baseline = UsageEvent.newBuilder(e).setInputTokens(input).setOutputTokens(output).build();
    return priced(e, GPT4O, CostCalculator.cost(baseline, GPT4O));
  }

  /** Half the prompt came from a semantic cache. */
  private static PricedUsageEvent cacheHit(int i, Instant at, SplittableRandom random) {
    UsageEvent.Builder b = call(i, at, "gpt-4o", "support", random);
    UsageEvent e = b.setBaselineInputTokens(b.getInputTokens() * 2).build();
    UsageEvent baseline = UsageEvent.newBuilder(e).setInputTokens(e.getInputTokens() * 2).setCachedInputTokens(0).build();
    return priced(e, GPT4O, CostCalculator.cost(baseline, GPT4O));
  }

  /** Names a baseline model no catalog knows: left out of the totals and counted apart. */
  private static PricedUsageEvent unpricedBaseline(int i, Instant at) {
    UsageEvent e = call(i, at, "gpt-4o-mini", "faq", new SplittableRandom(i)).setBaselineModel("gpt-9").build();
    return priced(e, MINI, null);
  }

  private static PricedUsageEvent plain(int i, Instant at, SplittableRandom random) {
    UsageEvent e = call(i, at, "gpt-4o", "faq", random).build();
    return priced(e, GPT4O, null);
  }

  private static UsageEvent.Builder call(int i, Instant at, String model, String feature, SplittableRandom random) {
    return UsageEvent.newBuilder().setEventId("s-" + i).setOccurredAt(at).setTenantId(i % 2 == 0 ? "acme" : "globex")
        .setTeamId("t").setUserId("u-" + random.nextInt(20)).setFeature(feature).setProvider("openai").setModel(model)
        .setInputTokens(200 + random.nextInt(3_000)).setCachedInputTokens(random.nextInt(100))
        .setOutputTokens(50 + random.nextInt(500));
  }

  private static PricedUsageEvent priced(UsageEvent e, PriceEntry price, BigDecimal baseline) {
    return PricedUsageEvent.newBuilder().setEvent(e).setCostUsd(CostCalculator.cost(e, price)).setPriceSource("catalog")
        .setPrice(price).setPricedAt(e.getOccurredAt().plusSeconds(1)).setBaselineCostUsd(baseline)
        .setBaselinePrice(baseline == null ? null : price).build();
  }

  private static PriceEntry price(String model, String in, String out, String cached) {
    return PriceEntry.newBuilder().setProvider("openai").setModel(model).setEffectiveFrom(Instant.parse("2024-01-01T00:00:00Z"))
        .setInputPerMtok(new BigDecimal(in).setScale(12)).setOutputPerMtok(new BigDecimal(out).setScale(12))
        .setCachedInputPerMtok(new BigDecimal(cached).setScale(12)).build();
  }
}
