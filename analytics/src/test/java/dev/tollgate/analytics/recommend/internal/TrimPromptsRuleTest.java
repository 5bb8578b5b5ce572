package dev.tollgate.analytics.recommend.internal;

import static dev.tollgate.analytics.recommend.TestPrices.GEMINI_PRO;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.recommend.RecommendRules;
import dev.tollgate.analytics.recommend.RecommendationKind;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrimPromptsRuleTest {
  private static final GroupKey REVIEW = new GroupKey("acme", "review", "google", "gemini-2.5-pro");

  @Test
  void shouldSaveTheCutShareOfTheUncachedInput() {
    // given 3M input tokens (600k cached) for 100k output
    GroupUsage usage = Usage.interactive(REVIEW, 100, 3_000_000, 600_000, 100_000);

    // when
    Optional<Finding> quarter = TrimPromptsRule.evaluate(usage, GEMINI_PRO, RecommendRules.DEFAULTS);
    Optional<Finding> twoFifths = TrimPromptsRule.evaluate(usage, GEMINI_PRO,
        RecommendRules.DEFAULTS.withTrimPct(new BigDecimal("40")));

    // then the uncached 2.4M cost 2.4M x 1.25 = 3
    assertThat(quarter).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(RecommendationKind.TRIM_PROMPTS);
      assertThat(f.savingUsd()).isEqualByComparingTo("0.75");
      assertThat(f.evidence().value("uncached_input_cost_usd")).isEqualTo("3");
      assertThat(f.evidence().value("input_output_ratio")).isEqualTo("30");
    });
    assertThat(twoFifths).hasValueSatisfying(f -> assertThat(f.savingUsd()).isEqualByComparingTo("1.2"));
  }

  @Test
  void shouldTrimOnlyPromptsAtLeastTenTimesTheirAnswers() {
    // given
    GroupUsage tenTimes = Usage.interactive(REVIEW, 100, 1_000_000, 0, 100_000);
    GroupUsage lessThanTen = Usage.interactive(REVIEW, 100, 999_999, 0, 100_000);

    // when / then
    assertThat(TrimPromptsRule.evaluate(tenTimes, GEMINI_PRO, RecommendRules.DEFAULTS)).isPresent();
    assertThat(TrimPromptsRule.evaluate(lessThanTen, GEMINI_PRO, RecommendRules.DEFAULTS)).isEmpty();
  }

  @Test
  void shouldLeaveEmbeddingsFullyCachedPromptsAndAnswerlessCallsAlone() {
    // given
    GroupUsage usage = Usage.interactive(REVIEW, 100, 3_000_000, 0, 100_000);
    GroupUsage allCached = Usage.interactive(REVIEW, 100, 3_000_000, 3_000_000, 100_000);
    GroupUsage noOutput = Usage.interactive(REVIEW, 100, 3_000_000, 0, 0);

    // when / then
    assertThat(TrimPromptsRule.evaluate(Usage.withOtherOperations(usage, 100), GEMINI_PRO, RecommendRules.DEFAULTS)).isEmpty();
    assertThat(TrimPromptsRule.evaluate(allCached, GEMINI_PRO, RecommendRules.DEFAULTS)).isEmpty();
    assertThat(TrimPromptsRule.evaluate(noOutput, GEMINI_PRO, RecommendRules.DEFAULTS)).isEmpty();
  }
}
