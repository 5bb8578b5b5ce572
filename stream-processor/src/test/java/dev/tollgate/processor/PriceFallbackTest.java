package dev.tollgate.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriceFallbackTest {

  @Test
  void shouldReadDearestWhateverItsCase() {
    // when
    PriceFallback fallback = PriceFallback.parse(" Dearest ");

    // then
    assertThat(fallback).isEqualTo(PriceFallback.dearest());
  }

  @Test
  void shouldSplitAFixedModelAtTheFirstSlashOnly() {
    // when
    PriceFallback fallback = PriceFallback.parse("together/meta-llama/Llama-3.3-70B");

    // then
    assertThat(fallback).isEqualTo(new PriceFallback.FixedModel("together", "meta-llama/Llama-3.3-70B"));
    assertThat(fallback).hasToString("together/meta-llama/Llama-3.3-70B");
  }

  @Test
  void shouldRefuseAValueThatNamesNoModel() {
    // when / then
    assertThatThrownBy(() -> PriceFallback.parse("openai/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"dearest\" or \"provider/model\"");
    assertThatThrownBy(() -> PriceFallback.parse("cheapest")).isInstanceOf(IllegalArgumentException.class);
  }
}
