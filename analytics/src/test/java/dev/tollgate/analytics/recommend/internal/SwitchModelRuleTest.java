package dev.tollgate.analytics.recommend.internal;

import static dev.tollgate.analytics.recommend.TestPrices.GPT_4O;
import static dev.tollgate.analytics.recommend.TestPrices.GPT_4O_MINI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.recommend.RecommendRules;
import dev.tollgate.analytics.recommend.RecommendationKind;
import dev.tollgate.analytics.recommend.TestPrices;
import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SwitchModelRuleTest {
  private static final RecommendRules RULES = RecommendRules.DEFAULTS;

  @Test
  void shouldSwitchShortCallsToTheCheaperModelAtTheirOwnTokenMix() {
    // given 1,000 calls averaging 500 input (100 of them cached) and 100 output tokens on gpt-4o
    GroupUsage usage = Usage.interactive(Usage.KEY, 1_000, 500_000, 100_000, 100_000);

    // when
    Optional<Finding> finding = SwitchModelRule.evaluate(usage, GPT_4O, List.of(GPT_4O_MINI), RULES);

    // then gpt-4o: 400k x 2.5 + 100k x 1.25 + 100k x 10 = 2.125; gpt-4o-mini: 400k x 0.15 + 100k x 0.075 + 100k x 0.6 = 0.1275
    assertThat(finding).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(RecommendationKind.SWITCH_MODEL);
      assertThat(f.toModel()).contains("gpt-4o-mini");
      assertThat(f.savingUsd()).isEqualByComparingTo("1.9975");
      assertThat(f.affectedUsd()).isEqualByComparingTo("2.125");
      assertThat(f.evidence().value("avg_input_tokens")).isEqualTo("500");
      assertThat(f.evidence().value("cached_input_pct")).isEqualTo("20");
      assertThat(f.evidence().value("cost_on_substitute_usd")).isEqualTo("0.1275");
      assertThat(f.action()).contains("gpt-4o-mini");
    });
  }

  @Test
  void shouldPriceTheBatchShareAtTheDiscountOnBothModels() {
    // given 800 interactive and 200 batch calls
    GroupUsage usage = new GroupUsage(Usage.KEY, 1_000, 0, 0, new TokenMix(1_000, 200,
        new TokenMix.Tokens(400_000, 0, 80_000), new TokenMix.Tokens(100_000, 0, 20_000)), BigDecimal.ONE);

    // when
    Optional<Finding> finding = SwitchModelRule.evaluate(usage, GPT_4O, List.of(GPT_4O_MINI), RULES);

    // then gpt-4o: 1.8 + 0.45 / 2 = 2.025; gpt-4o-mini: 0.108 + 0.027 / 2 = 0.1215
    assertThat(finding).hasValueSatisfying(f -> assertThat(f.savingUsd()).isEqualByComparingTo("1.9035"));
  }

  @Test
  void shouldCountCallsAtTheThresholdAsShortAndNoLonger() {
    // given
    GroupUsage atThreshold = Usage.interactive(Usage.KEY, 1_000, 1_000_000, 0, 250_000);
    GroupUsage longerAnswers = Usage.interactive(Usage.KEY, 1_000, 1_000_000, 0, 250_001);
    GroupUsage longerPrompts = Usage.interactive(Usage.KEY, 1_000, 1_000_001, 0, 250_000);

    // when / then
    assertThat(SwitchModelRule.evaluate(atThreshold, GPT_4O, List.of(GPT_4O_MINI), RULES)).isPresent();
    assertThat(SwitchModelRule.evaluate(longerAnswers, GPT_4O, List.of(GPT_4O_MINI), RULES)).isEmpty();
    assertThat(SwitchModelRule.evaluate(longerPrompts, GPT_4O, List.of(GPT_4O_MINI), RULES)).isEmpty();
  }

  @Test
  void shouldLeaveCallsThatSendNoPromptAlone() {
    // given short calls, some of them embeddings or audio
    GroupUsage usage = Usage.interactive(Usage.KEY, 1_000, 500_000, 0, 100_000);

    // when / then
    assertThat(SwitchModelRule.evaluate(Usage.withOtherOperations(usage, 1), GPT_4O, List.of(GPT_4O_MINI), RULES)).isEmpty();
    assertThat(SwitchModelRule.evaluate(Usage.withAudio(usage, 1), GPT_4O, List.of(GPT_4O_MINI), RULES)).isEmpty();
  }

  @Test
  void shouldTakeTheFirstSubstituteThatIsCheaperAtTheFeaturesMix() {
    // given prompt-heavy calls, and a first substitute with cheap output but dear input
    GroupUsage usage = Usage.interactive(Usage.KEY, 1_000, 900_000, 0, 10_000);
    PriceEntry cheapOutput = TestPrices.entry("openai", "cheap-output", "5.00", "1.00", null, null);

    // when
    Optional<Finding> finding = SwitchModelRule.evaluate(usage, GPT_4O, List.of(cheapOutput, GPT_4O_MINI), RULES);

    // then gpt-4o: 2.25 + 0.1; cheap-output: 4.5 + 0.01 (dearer here); gpt-4o-mini: 0.135 + 0.006
    assertThat(finding).hasValueSatisfying(f -> {
      assertThat(f.toModel()).contains("gpt-4o-mini");
      assertThat(f.savingUsd()).isEqualByComparingTo("2.209");
    });
  }

  @Test
  void shouldRecommendNothingWithoutACheaperSubstitute() {
    // given
    GroupUsage usage = Usage.interactive(Usage.KEY, 1_000, 500_000, 0, 100_000);

    // when / then
    assertThat(SwitchModelRule.evaluate(usage, GPT_4O, List.of(), RULES)).isEmpty();
    assertThat(SwitchModelRule.evaluate(usage, GPT_4O_MINI, List.of(GPT_4O), RULES)).isEmpty();
  }
}
