package dev.tollgate.alerting.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final Instant t0 = Instant.parse("2026-03-20T10:00:00Z");

  @Test
  void shouldAllowABurstOfOneMinutesRateThenOneEachInterval() {
    // given 6 per minute: a burst of 6, then one every 10 s
    TokenBucket bucket = new TokenBucket(6);

    // when
    int burst = 0;
    while (bucket.tryTake(t0)) {
      burst++;
    }

    // then
    assertThat(burst).isEqualTo(6);
    assertThat(bucket.nextFree(t0)).isEqualTo(t0.plusSeconds(10));
    assertThat(bucket.tryTake(t0.plusSeconds(9))).isFalse();
    assertThat(bucket.tryTake(t0.plusSeconds(10))).isTrue();
    assertThat(bucket.tryTake(t0.plusSeconds(10))).isFalse();
    assertThat(bucket.tryTake(t0.plusSeconds(20))).isTrue();
  }

  @Test
  void shouldRefillAfterAQuietMinute() {
    // given
    TokenBucket bucket = new TokenBucket(3);
    while (bucket.tryTake(t0)) {
      // empty it
    }

    // when
    Instant later = t0.plusSeconds(60);
    int taken = 0;
    while (bucket.tryTake(later)) {
      taken++;
    }

    // then
    assertThat(taken).isEqualTo(3);
  }

  @Test
  void shouldCountForcedTakesAgainstTheRate() {
    // given
    TokenBucket bucket = new TokenBucket(2);

    // when urgent notifications take three at once
    bucket.take(t0);
    bucket.take(t0);
    bucket.take(t0);

    // then the next ordinary one waits until the debt is paid
    assertThat(bucket.tryTake(t0.plusSeconds(30))).isFalse();
    assertThat(bucket.nextFree(t0)).isEqualTo(t0.plusSeconds(60));
  }
}
