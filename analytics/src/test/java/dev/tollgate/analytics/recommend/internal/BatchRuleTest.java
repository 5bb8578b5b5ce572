package dev.tollgate.analytics.recommend.internal;

import static dev.tollgate.analytics.recommend.TestPrices.GPT_41;
import static dev.tollgate.analytics.recommend.TestPrices.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.recommend.RecommendRules;
import dev.tollgate.analytics.recommend.RecommendationKind;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchRuleTest {
  private static final RecommendRules RULES = RecommendRules.DEFAULTS;
  private static final GroupKey ENRICH = new GroupKey("acme", "enrich", "openai", "gpt-4.1");

  private static GroupUsage jobs(long requests) {
    return new GroupUsage(ENRICH, requests, 0, 0, new TokenMix(2_000, 500,
        new TokenMix.Tokens(3_000_000, 0, 900_000), new TokenMix.Tokens(1_000_000, 0, 300_000)), BigDecimal.TEN);
  }

  @Test
  void shouldTakeTheDiscountOffTheInteractiveCallsOfJobs() {
    // given 2,000 calls in 50 requests, 1,500 of them not batched yet
    GroupUsage usage = jobs(50);

    // when
    Optional<Finding> finding = BatchRule.evaluate(usage, GPT_41, RULES);

    // then interactive: 3M x 2 + 0.9M x 8 = 13.2, half of it saved; batch already: (2 + 2.4) / 2
    assertThat(finding).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(RecommendationKind.BATCH);
      assertThat(f.savingUsd()).isEqualByComparingTo("6.6");
      assertThat(f.affectedUsd()).isEqualByComparingTo("15.4");
      assertThat(f.evidence().value("calls_per_request")).isEqualTo("40");
      assertThat(f.evidence().value("interactive_cost_usd")).isEqualTo("13.2");
      assertThat(f.evidence().value("batch_calls_pct")).isEqualTo("25");
    });
  }

  @Test
  void shouldCountTenCallsPerRequestAsJobsAndFewerAsInteractive() {
    // when / then
    assertThat(BatchRule.evaluate(jobs(200), GPT_41, RULES)).isPresent();
    assertThat(BatchRule.evaluate(jobs(201), GPT_41, RULES)).isEmpty();
  }

  @Test
  void shouldRecommendNothingWithoutADiscountOrInteractiveCalls() {
    // given
    GroupUsage allBatched = new GroupUsage(ENRICH, 10, 0, 0, new TokenMix(2_000, 2_000, TokenMix.Tokens.NONE,
        new TokenMix.Tokens(1_000_000, 0, 300_000)), BigDecimal.ONE);

    // when / then
    assertThat(BatchRule.evaluate(jobs(50), PLAIN, RULES)).isEmpty();
    assertThat(BatchRule.evaluate(allBatched, GPT_41, RULES)).isEmpty();
    assertThat(BatchRule.evaluate(Usage.withAudio(jobs(50), 1), GPT_41, RULES)).isEmpty();
  }
}
