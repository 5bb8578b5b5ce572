package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.channel.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter, and when to stop. After the n-th failed attempt the next one
 * waits {@code min(max, first * 2^(n-1))}, of which the upper half is random ("equal jitter"), so
 * that alerts held back by the same outage do not all retry at the same instant. A receiver's
 * Retry-After is honoured up to {@code max}. An alert is parked once it has failed for
 * {@code giveUpAfter} since its first attempt, or at once when the receiver refused it for good.
 */
public final class RetryPolicy {
  private final long firstMs;
  private final long maxMs;
  private final Duration giveUpAfter;
  private final RandomGenerator random;

  public RetryPolicy(Duration first, Duration max, Duration giveUpAfter, RandomGenerator random) {
    this.firstMs = Math.max(1, first.toMillis());
    this.maxMs = Math.max(firstMs, max.toMillis());
    this.giveUpAfter = giveUpAfter;
    this.random = random;
  }

  public enum Verdict { DONE, RETRY, PARK }

  /** Records the answer to the attempt {@code attempts} just made and says what comes next. */
  public Verdict judge(DeliveryResult result, Attempts attempts, Instant now) {
    attempts.answered(result.detail());
    if (result.accepted()) {
      return Verdict.DONE;
    }
    if (result.outcome() == DeliveryResult.Outcome.REFUSED) {
      return Verdict.PARK;
    }
    if (!now.isBefore(attempts.first().plus(giveUpAfter))) {
      attempts.gaveUp("gave up after " + attempts.count() + " attempts over " + Duration.between(attempts.first(), now)
          .toSeconds() + " s");
      return Verdict.PARK;
    }
    attempts.retryAt(now.plus(delay(attempts.count(), result.retryAfter())));
    return Verdict.RETRY;
  }

  public Duration delay(int failures, Duration retryAfter) {
    int doublings = Math.min(Math.max(failures, 1) - 1, 30);
    long full = Math.min(maxMs, firstMs << doublings);
    long half = full / 2;
    long jittered = full - half + (half > 0 ? random.nextLong(half + 1) : 0);
    long asked = retryAfter == null ? 0 : Math.min(maxMs, retryAfter.toMillis());
    return Duration.ofMillis(Math.max(jittered, asked));
  }
}
