package dev.tollgate.analytics.recommend.internal;

import static dev.tollgate.analytics.recommend.TestPrices.PLAIN;
import static dev.tollgate.analytics.recommend.TestPrices.SONNET_4;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.recommend.RecommendationKind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CacheRuleTest {
  private static final GroupKey SUPPORT = new GroupKey("acme", "faq", "anthropic", "claude-sonnet-4");

  @Test
  void shouldSaveWithPromptCachingFirstWhenTheModelHasACachedInputPrice() {
    // given 900 of 1,000 calls resend one of 50 prompts; 300k of their 1.8M input tokens are cached already
    GroupUsage usage = Usage.interactive(SUPPORT, 1_000, 2_000_000, 300_000, 300_000);
    Repeats repeats = new Repeats(SUPPORT, 50, new TokenMix(900, 0, new TokenMix.Tokens(1_800_000, 300_000, 270_000),
        TokenMix.Tokens.NONE));

    // when
    Optional<Finding> finding = CacheRule.evaluate(usage, Optional.of(repeats), SONNET_4);

    // then the uncached 1.5M at 3 - 0.3 saves 4.05; not sending the repeats at all would save
    // 1.5M x 3 + 0.3M x 0.3 + 270k x 15 = 8.64
    assertThat(finding).hasValueSatisfying(f -> {
      assertThat(f.kind()).isEqualTo(RecommendationKind.CACHE);
      assertThat(f.savingUsd()).isEqualByComparingTo("4.05");
      assertThat(f.evidence().value("saving_from")).isEqualTo("prompt_cache");
      assertThat(f.evidence().value("response_cache_saving_usd")).isEqualTo("8.64");
      assertThat(f.evidence().value("repeat_calls")).isEqualTo("900");
      assertThat(f.evidence().value("repeat_calls_pct")).isEqualTo("90");
      assertThat(f.action()).contains("cache_control");
    });
  }

  @Test
  void shouldSaveTheWholeRepeatCallsFromAResponseCacheWhenTheModelHasNoCachedInputPrice() {
    // given
    GroupKey key = new GroupKey("acme", "lookup", "acme-ai", "plain-1");
    GroupUsage usage = Usage.interactive(key, 20, 20_000, 0, 10_000);
    Repeats repeats = new Repeats(key, 3, new TokenMix(10, 0, new TokenMix.Tokens(10_000, 0, 5_000), TokenMix.Tokens.NONE));

    // when
    Optional<Finding> finding = CacheRule.evaluate(usage, Optional.of(repeats), PLAIN);

    // then 10k x 1 + 5k x 2
    assertThat(finding).hasValueSatisfying(f -> {
      assertThat(f.savingUsd()).isEqualByComparingTo("0.02");
      assertThat(f.evidence().value("saving_from")).isEqualTo("response_cache");
      assertThat(f.evidence().value("prompt_cache_saving_usd")).isEqualTo("0");
      assertThat(f.action()).contains("response cache");
    });
  }

  @Test
  void shouldRecommendNothingWithoutRepeatsOrForAudio() {
    // given
    GroupUsage usage = Usage.interactive(SUPPORT, 1_000, 2_000_000, 0, 300_000);
    Repeats none = new Repeats(SUPPORT, 0, TokenMix.NONE);
    Repeats some = new Repeats(SUPPORT, 1, new TokenMix(1, 0, new TokenMix.Tokens(2_000, 0, 300), TokenMix.Tokens.NONE));

    // when / then
    assertThat(CacheRule.evaluate(usage, Optional.empty(), SONNET_4)).isEmpty();
    assertThat(CacheRule.evaluate(usage, Optional.of(none), SONNET_4)).isEmpty();
    assertThat(CacheRule.evaluate(Usage.withAudio(usage, 1), Optional.of(some), SONNET_4)).isEmpty();
  }
}
