package dev.tollgate.alerting.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.alerting.channel.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60),
      Duration.ofMinutes(30), new SplittableRandom(42));

  @Test
  void shouldDoubleTheDelayUpToTheCapWithTheUpperHalfJittered() {
    for (int failures = 1; failures <= 12; failures++) {
      // given
      long full = Math.min(60_000, 1_000L << (failures - 1));

      for (int sample = 0; sample < 50; sample++) {
        // when
        long delay = policy.delay(failures, null).toMillis();

        // then
        assertThat(delay).as("after %d failures", failures).isBetween(full / 2, full);
      }
    }
  }

  @Test
  void shouldSpreadTheRetriesOfOneOutage() {
    // when
    long distinct = IntStream.range(0, 100).mapToLong(i -> policy.delay(6, null).toMillis()).distinct().count();

    // then
    assertThat(distinct).isGreaterThan(50);
  }

  @Test
  void shouldHonourRetryAfterUpToTheCap() {
    // when / then
    assertThat(policy.delay(1, Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
    assertThat(policy.delay(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void shouldRetryUntilTheGiveUpTimeAndParkARefusalAtOnce() {
    // given
    Instant t0 = Instant.parse("2026-03-20T10:00:00Z");
    Attempts failing = new Attempts();
    Attempts refused = new Attempts();

    // when
    failing.begin(t0);
    RetryPolicy.Verdict early = policy.judge(DeliveryResult.retry("HTTP 503"), failing, t0);
    failing.begin(t0.plus(Duration.ofMinutes(30)));
    RetryPolicy.Verdict late = policy.judge(DeliveryResult.retry("HTTP 503"), failing, t0.plus(Duration.ofMinutes(30)));
    refused.begin(t0);
    RetryPolicy.Verdict refusal = policy.judge(DeliveryResult.refused("HTTP 404"), refused, t0);

    // then
    assertThat(early).isEqualTo(RetryPolicy.Verdict.RETRY);
    assertThat(late).isEqualTo(RetryPolicy.Verdict.PARK);
    assertThat(failing.lastError()).isEqualTo("HTTP 503 (gave up after 2 attempts over 1800 s)");
    assertThat(refusal).isEqualTo(RetryPolicy.Verdict.PARK);
    assertThat(refused.lastError()).isEqualTo("HTTP 404");
  }
}
