package dev.tollgate.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecommendWindowTest {

  @Test
  void shouldEndAtTheStartOfTheDateGivenOrAtTheInstant() {
    // when / then
    assertThat(RecommendWindow.parseAt("2026-12-01")).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(RecommendWindow.parseAt("2026-11-30T18:30:15.250Z")).isEqualTo(Instant.parse("2026-11-30T18:30:15Z"));
    assertThatThrownBy(() -> RecommendWindow.parseAt("November"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--at").hasMessageContaining("November");
  }

  @Test
  void shouldCoverTheDaysBeforeTheEnd() {
    // when
    RecommendWindow window = RecommendWindow.lastDays(Instant.parse("2026-12-01T00:00:00Z"), 30);

    // then
    assertThat(window.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThatThrownBy(() -> RecommendWindow.lastDays(Instant.parse("2026-12-01T00:00:00Z"), 0))
        .hasMessageContaining("--days must be between 1 and 366, got 0");
  }

  @Test
  void shouldScaleAmountsToAThirtyDayMonth() {
    // given
    Instant end = Instant.parse("2026-12-01T00:00:00Z");

    // when / then
    assertThat(RecommendWindow.lastDays(end, 30).perMonth(new BigDecimal("12.345678901234")))
        .isEqualByComparingTo("12.345678901234");
    assertThat(RecommendWindow.lastDays(end, 15).perMonth(new BigDecimal("12.5"))).isEqualByComparingTo("25");
    assertThat(RecommendWindow.lastDays(end, 7).perMonth(new BigDecimal("7"))).isEqualByComparingTo("30");
    assertThat(RecommendWindow.lastDays(end, 7).perMonth(BigDecimal.ONE)).isEqualByComparingTo("4.285714285714");
  }
}
