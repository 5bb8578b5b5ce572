package dev.tollgate.alerting.channel;

import java.time.Duration;

/**
 * What a receiver made of one attempt: accepted (2xx, or the SMTP server took the message), worth
 * retrying (unreachable, timeout, 408, 429, 5xx, SMTP 4xx), or refused for good (another 4xx, SMTP
 * 5xx): retrying the same request cannot help, so it is parked at once.
 *
 * @param retryAfter how long the receiver asked to wait (Retry-After), or null
 */
public record DeliveryResult(Outcome outcome, String detail, Duration retryAfter) {

  public enum Outcome { ACCEPTED, RETRY, REFUSED }

  public static DeliveryResult accepted(String detail) {
    return new DeliveryResult(Outcome.ACCEPTED, detail, null);
  }

  public static DeliveryResult retry(String detail) {
    return new DeliveryResult(Outcome.RETRY, detail, null);
  }

  public static DeliveryResult retry(String detail, Duration retryAfter) {
    return new DeliveryResult(Outcome.RETRY, detail, retryAfter);
  }

  public static DeliveryResult refused(String detail) {
    return new DeliveryResult(Outcome.REFUSED, detail, null);
  }

  public boolean accepted() {
    return outcome == Outcome.ACCEPTED;
  }
}
