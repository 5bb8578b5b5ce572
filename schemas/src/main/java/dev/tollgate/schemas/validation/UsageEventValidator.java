package dev.tollgate.schemas.validation;

import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** The rules of the usage-event contract that a schema cannot express. */
public final class UsageEventValidator {
  public static final int MAX_EVENT_ID_LENGTH = 128;
  public static final int MAX_NAME_LENGTH = 256;
  public static final String ADJUSTMENT = "adjustment";
  /** Clocks of producers drift; an event further ahead than this is refused as a clock error. */
  public static final Duration MAX_FUTURE_SKEW = Duration.ofHours(1);
  /** Digits the schema's decimals hold: a longer value could not be written to the next topic. */
  public static final int AUDIO_SECONDS_PRECISION = 18;
  public static final int AMOUNT_PRECISION = 38;
  private static final Set<String> STATUSES = Set.of("ok", "error");

  private UsageEventValidator() {}

  public static boolean isAdjustment(UsageEvent e) {
    return ADJUSTMENT.equals(e.getOperation());
  }

  /** The first rule the event breaks, if any, judged at the instant {@code now}. */
  public static Optional<Violation> validate(UsageEvent e, Instant now) {
    Violation v = checkIdentity(e);
    if (v == null) {
      v = checkTime(e, now);
    }
    if (v == null) {
      v = isAdjustment(e) ? checkAdjustment(e) : checkCall(e);
    }
    return Optional.ofNullable(v);
  }

  private static Violation checkIdentity(UsageEvent e) {
    if (blank(e.getEventId())) {
      return new Violation("event_id", "is required");
    }
    if (e.getEventId().length() > MAX_EVENT_ID_LENGTH) {
      return new Violation("event_id", "is longer than " + MAX_EVENT_ID_LENGTH + " characters");
    }
    if (blank(e.getTenantId())) {
      return new Violation("tenant_id", "is required");
    }
    Violation v = name("tenant_id", e.getTenantId());
    if (v == null && e.getTeamId() != null) {
      v = name("team_id", e.getTeamId());
    }
    return v;
  }

  private static Violation checkTime(UsageEvent e, Instant now) {
    if (e.getOccurredAt() == null) {
      return new Violation("occurred_at", "is required");
    }
    if (e.getOccurredAt().toEpochMilli() < 0) {
      // Kafka refuses negative record timestamps.
      return new Violation("occurred_at", "must not be before 1970-01-01T00:00:00Z, got " + e.getOccurredAt());
    }
    if (e.getOccurredAt().isAfter(now.plus(MAX_FUTURE_SKEW))) {
      return new Violation("occurred_at", "is more than " + MAX_FUTURE_SKEW.toMinutes()
          + " minutes in the future (" + e.getOccurredAt() + "); check the producer's clock");
    }
    return null;
  }

  private static Violation checkCall(UsageEvent e) {
    for (String[] required : new String[][] {
        {"user_id", e.getUserId()}, {"feature", e.getFeature()},
        {"provider", e.getProvider()}, {"model", e.getModel()}}) {
      if (blank(required[1])) {
        return new Violation(required[0], "is required");
      }
      Violation v = name(required[0], required[1]);
      if (v != null) {
        return v;
      }
    }
    if (e.getAmountUsd() != null) {
      return new Violation("amount_usd", "is only allowed on adjustments (operation = adjustment)");
    }
    return checkQuantities(e);
  }

  private static Violation checkQuantities(UsageEvent e) {
    Violation v = nonNegative("input_tokens", e.getInputTokens());
    if (v == null) v = nonNegative("output_tokens", e.getOutputTokens());
    if (v == null) v = nonNegative("cached_input_tokens", e.getCachedInputTokens());
    if (v == null && e.getCachedInputTokens() > e.getInputTokens()) {
      v = new Violation("cached_input_tokens", "is larger than input_tokens (cached tokens are part of the input)");
    }
    if (v == null && e.getAudioSeconds() != null && e.getAudioSeconds().signum() < 0) {
      v = new Violation("audio_seconds", "must be ≥ 0");
    }
    if (v == null && e.getAudioSeconds() != null && e.getAudioSeconds().precision() > AUDIO_SECONDS_PRECISION) {
      v = new Violation("audio_seconds", "has more than " + AUDIO_SECONDS_PRECISION + " digits");
    }
    if (v == null && e.getLatencyMs() != null) v = nonNegative("latency_ms", e.getLatencyMs());
    if (v == null && e.getBaselineInputTokens() != null) v = nonNegative("baseline_input_tokens", e.getBaselineInputTokens());
    if (v == null && e.getBaselineOutputTokens() != null) v = nonNegative("baseline_output_tokens", e.getBaselineOutputTokens());
    if (v == null && e.getStatus() != null && !STATUSES.contains(e.getStatus())) {
      v = new Violation("status", "must be one of " + STATUSES + ", got \"" + e.getStatus() + "\"");
    }
    return v;
  }

  private static Violation checkAdjustment(UsageEvent e) {
    if (e.getAmountUsd() == null) {
      return new Violation("amount_usd", "is required on an adjustment");
    }
    if (e.getAmountUsd().precision() > AMOUNT_PRECISION) {
      return new Violation("amount_usd", "has more than " + AMOUNT_PRECISION + " digits");
    }
    if (e.getAmountUsd().signum() == 0) {
      return new Violation("amount_usd", "must not be zero on an adjustment");
    }
    if (blank(e.getReason())) {
      return new Violation("reason", "is required on an adjustment");
    }
    if (blank(e.getReference())) {
      return new Violation("reference", "is required on an adjustment");
    }
    return checkQuantities(e);
  }

  private static Violation nonNegative(String field, long value) {
    return value < 0 ? new Violation(field, "must be an integer ≥ 0, got " + value) : null;
  }

  private static Violation name(String field, String value) {
    if (value.length() > MAX_NAME_LENGTH) {
      return new Violation(field, "is longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (value.indexOf(PriceKeys.SEP) >= 0) {
      return new Violation(field, "must not contain '" + PriceKeys.SEP + "'");
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** Money of the contract never has more decimals than the schema keeps. */
  public static boolean fitsScale(BigDecimal value, int scale) {
    return value.stripTrailingZeros().scale() <= scale;
  }
}
