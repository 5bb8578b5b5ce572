package dev.tollgate.ingest.guard;

import static dev.tollgate.ingest.guard.GuardFixture.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.avro.PriceEntry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimateTest {
  /** Hindi for "hello world": 5 tokens in o200k_base, 13 in cl100k_base. */
  private static final String HINDI = "नमस्ते दुनिया";

  private final GuardFixture fixture = new GuardFixture();
  private final BudgetGuard guard = fixture.guard;

  @Test
  void shouldPriceGivenTokensExactly() {
    // given gpt-4o at $2.50 in / $10.00 out per million tokens

    // when
    Estimate estimate = guard.estimate("openai", "gpt-4o", 1_234, 567);

    // then 1,234 × 2.50 / 1M = 0.003085, 567 × 10.00 / 1M = 0.00567
    assertThat(estimate.costUsd()).isEqualTo("0.008755000000");
    assertThat(estimate.inputTokens()).isEqualTo(1_234);
    assertThat(estimate.maxOutputTokens()).isEqualTo(567);
    assertThat(estimate.tokenizer()).isEqualTo("given");
    assertThat(estimate.approximate()).isFalse();
    assertThat(estimate.price().getModel()).isEqualTo("gpt-4o");
  }

  @Test
  void shouldCountTheInputOfNewerOpenAiModelsWithO200k() {
    // given / when
    Estimate estimate = guard.estimate("openai", "gpt-4o", HINDI, 100);

    // then 5 × 2.50 / 1M + 100 × 10.00 / 1M
    assertThat(estimate.inputTokens()).isEqualTo(5);
    assertThat(estimate.tokenizer()).isEqualTo("o200k_base");
    assertThat(estimate.approximate()).isFalse();
    assertThat(estimate.costUsd()).isEqualTo("0.001012500000");
  }

  @Test
  void shouldCountOlderOpenAiModelsWithCl100k() {
    // given
    fixture.prices(price("openai", "gpt-4", "2023-03-14T00:00:00Z", "30.00", "60.00"));

    // when
    Estimate estimate = guard.estimate("openai", "gpt-4", HINDI, 0);

    // then 13 × 30.00 / 1M
    assertThat(estimate.inputTokens()).isEqualTo(13);
    assertThat(estimate.tokenizer()).isEqualTo("cl100k_base");
    assertThat(estimate.approximate()).isFalse();
    assertThat(estimate.costUsd()).isEqualTo("0.000390000000");
  }

  @Test
  void shouldSayThatCountsForOtherProvidersAreApproximate() {
    // given / when
    Estimate estimate = guard.estimate("anthropic", "claude-sonnet-4-5", HINDI, 1_000);

    // then 13 × 3.00 / 1M + 1,000 × 15.00 / 1M
    assertThat(estimate.inputTokens()).isEqualTo(13);
    assertThat(estimate.approximate()).isTrue();
    assertThat(estimate.note()).isEqualTo(
        "input counted with cl100k_base; anthropic models use their own tokenizer, so the count is approximate");
    assertThat(estimate.costUsd()).isEqualTo("0.015039000000");
  }

  @Test
  void shouldUseTheNewestPriceAlreadyInEffect() {
    // given a cut that took effect on 1 Nov and a rise announced for 1 Dec (now is 20 Nov)
    fixture.prices(price("openai", "gpt-4o", "2026-11-01T00:00:00Z", "2.00", "8.00"),
        price("openai", "gpt-4o", "2026-12-01T00:00:00Z", "5.00", "20.00"));

    // when
    Estimate estimate = guard.estimate("openai", "gpt-4o", 1_000_000, 1_000_000);

    // then
    assertThat(estimate.price().getEffectiveFrom()).hasToString("2026-11-01T00:00:00Z");
    assertThat(estimate.costUsd()).isEqualTo("10.000000000000");
  }

  @Test
  void shouldNameTheModelWhenNoPriceIsKnown() {
    // given / when / then
    assertThatThrownBy(() -> guard.estimate("openai", "gpt-9", "hi", 10))
        .isInstanceOfSatisfying(UnknownModelException.class, e -> {
          assertThat(e.field()).isEqualTo("model");
          assertThat(e.reason()).isEqualTo("no price for openai/gpt-9 in the price catalog; the catalog prices these "
              + "openai models: gpt-4o, gpt-4o-mini; load one with ./tollgate prices load");
        });
    assertThatThrownBy(() -> guard.estimate("mistral", "large", 10, 10))
        .isInstanceOf(UnknownModelException.class)
        .hasMessageContaining("the catalog has no models of provider mistral");
  }

  @Test
  void shouldNotPriceAModelWhosePriceHasNotTakenEffect() {
    // given
    fixture.prices(price("openai", "gpt-6", "2027-01-01T00:00:00Z", "9.00", "90.00"));

    // when / then
    assertThatThrownBy(() -> guard.estimate("openai", "gpt-6", 10, 10))
        .isInstanceOfSatisfying(UnknownModelException.class, e -> assertThat(e.reason())
            .isEqualTo("the first price of openai/gpt-6 takes effect at 2027-01-01T00:00:00Z; no price of it applies now"));
  }

  @Test
  void shouldForgetARemovedPrice() {
    // given
    Map<String, PriceEntry> tombstone = new HashMap<>();
    tombstone.put(PriceKeys.of("openai", "gpt-4o", Instant.parse("2024-05-13T00:00:00Z")), null);

    // when
    fixture.feed.prices(tombstone);

    // then
    assertThatThrownBy(() -> guard.estimate("openai", "gpt-4o", 10, 10)).isInstanceOf(UnknownModelException.class);
    assertThat(guard.estimate("openai", "gpt-4o-mini", 10, 10).costUsd()).isEqualTo("0.000007500000");
  }
}
