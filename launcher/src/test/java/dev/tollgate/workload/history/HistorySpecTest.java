package dev.tollgate.workload.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class HistorySpecTest {
  private static final Instant NOW = Instant.parse("2026-11-24T00:09:17Z");

  @Test
  void shouldEndAPastMonthAtItsLastInstantAndTheCurrentOneNow() {
    // when
    HistorySpec past = new HistorySpec(10, YearMonth.of(2026, 2), 1, 2, 4, NOW);
    HistorySpec current = new HistorySpec(10, YearMonth.of(2026, 11), 1, 2, 4, NOW);

    // then
    assertThat(past.start()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(past.end()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
    assertThat(current.end()).isEqualTo(NOW);
  }

  @Test
  void shouldRefuseAMonthThatHasNotStarted() {
    // when / then
    assertThatThrownBy(() -> new HistorySpec(10, YearMonth.of(2026, 12), 1, 2, 4, NOW))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--month 2026-12 has not started yet");
  }

  @Test
  void shouldRefuseCountsThatMakeNoHistory() {
    // when / then
    assertThatThrownBy(() -> new HistorySpec(0, YearMonth.of(2026, 10), 1, 2, 4, NOW))
        .hasMessageContaining("--events must be at least 1");
    assertThatThrownBy(() -> new HistorySpec(10, YearMonth.of(2026, 10), 1, 0, 4, NOW))
        .hasMessageContaining("--tenants must be between 1 and 999");
    assertThatThrownBy(() -> new HistorySpec(10, YearMonth.of(2026, 10), 1, 5, 4, NOW))
        .hasMessageContaining("--users must be between --tenants (5)");
    assertThatThrownBy(() -> new HistorySpec(10, YearMonth.of(1969, 12), 1, 2, 4, NOW))
        .hasMessageContaining("--month must not be before 1970-01");
  }
}
