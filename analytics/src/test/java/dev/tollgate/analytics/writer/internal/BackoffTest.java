package dev.tollgate.analytics.writer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void shouldDoubleTheDelayUpToTheCapAndStartOverAfterReset() {
    // given
    Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1));
    List<Long> delays = new ArrayList<>();

    // when
    for (int i = 0; i < 6; i++) {
      delays.add(backoff.nextDelayMs());
    }
    backoff.reset();

    // then
    assertThat(delays).containsExactly(200L, 400L, 800L, 1000L, 1000L, 1000L);
    assertThat(backoff.nextDelayMs()).isEqualTo(200L);
  }

  @Test
  void shouldNotOverflowAfterManyFailures() {
    // given
    Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30));

    // when
    for (int i = 0; i < 1_000; i++) {
      backoff.nextDelayMs();
    }

    // then
    assertThat(backoff.nextDelayMs()).isEqualTo(30_000L);
    assertThat(backoff.failures()).isEqualTo(1_001);
  }
}
