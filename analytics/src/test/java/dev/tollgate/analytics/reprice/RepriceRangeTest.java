package dev.tollgate.analytics.reprice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepriceRangeTest {
  private static final Instant NOW = Instant.parse("2026-11-24T10:30:15.250Z");

  @Test
  void shouldIncludeTheWholeLastDayLikeReports() {
    // when
    RepriceRange range = RepriceRange.parse("2026-10-01", "2026-10-31", NOW);

    // then
    assertThat(range.from()).isEqualTo(Instant.parse("2026-10-01T00:00:00Z"));
    assertThat(range.to()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(range.days()).hasSize(31);
  }

  @Test
  void shouldRunUpToNowWithoutAnEndAndCutTheLastDayThere() {
    // when
    RepriceRange range = RepriceRange.parse("2026-11-23", null, NOW);

    // then
    assertThat(range.to()).isEqualTo(Instant.parse("2026-11-24T10:30:15Z"));
    assertThat(range.days()).containsExactly(
        new RepriceRange(Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-24T00:00:00Z")),
        new RepriceRange(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-24T10:30:15Z")));
  }

  @Test
  void shouldNameTheOptionThatIsWrong() {
    assertThatThrownBy(() -> RepriceRange.parse("2026-13-01", null, NOW)).hasMessageContaining("--from");
    assertThatThrownBy(() -> RepriceRange.parse(null, null, NOW)).hasMessageContaining("--from is required");
    assertThatThrownBy(() -> RepriceRange.parse("2026-10-01", "yesterday", NOW)).hasMessageContaining("--to");
    assertThatThrownBy(() -> RepriceRange.parse("2026-10-05", "2026-10-01", NOW)).hasMessageContaining("--to must not be before --from");
    assertThatThrownBy(() -> RepriceRange.parse("2026-12-01", null, NOW)).hasMessageContaining("has not begun yet");
  }
}
