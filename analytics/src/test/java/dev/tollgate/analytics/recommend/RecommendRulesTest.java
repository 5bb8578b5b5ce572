package dev.tollgate.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class RecommendRulesTest {

  @Test
  void shouldShowOnlyWhatSavesAtLeastBothFloors() {
    // given the defaults: 10 USD a month and 5% of the spend touched
    RecommendRules rules = RecommendRules.DEFAULTS;

    // when / then
    assertThat(rules.worthShowing(new BigDecimal("10"), new BigDecimal("5"))).isTrue();
    assertThat(rules.worthShowing(new BigDecimal("9.999999999999"), new BigDecimal("80"))).isFalse();
    assertThat(rules.worthShowing(new BigDecimal("5000"), new BigDecimal("4.99"))).isFalse();
    assertThat(rules.withMinSavingUsd(BigDecimal.ZERO).withMinSavingPct(BigDecimal.ZERO)
        .worthShowing(new BigDecimal("0.000000000001"), new BigDecimal("0.01"))).isTrue();
  }

  @Test
  void shouldRefuseThresholdsOutOfRangeNamingTheOption() {
    // when / then
    assertThatThrownBy(() -> RecommendRules.DEFAULTS.withMinSavingUsd(new BigDecimal("-1")))
        .hasMessage("--min-saving-usd must not be negative, got -1");
    assertThatThrownBy(() -> RecommendRules.DEFAULTS.withMinSavingPct(new BigDecimal("101")))
        .hasMessage("--min-saving-pct must be between 0 and 100, got 101");
    assertThatThrownBy(() -> RecommendRules.DEFAULTS.withTrimPct(BigDecimal.ZERO))
        .hasMessage("--trim-pct must be more than 0 and at most 100, got 0");
  }
}
