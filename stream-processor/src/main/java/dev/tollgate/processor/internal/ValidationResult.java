package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.RejectedEvent;
import dev.tollgate.schemas.avro.UsageEvent;

/** What validation made of one raw record: a usable event, or the rejection to publish. */
public sealed interface ValidationResult {

  record Accepted(UsageEvent event) implements ValidationResult {}

  record Refused(RejectedEvent rejection) implements ValidationResult {}

  /** Dedup needs every copy of an event in one partition, so an event must be keyed by its id. */
  static boolean isMiskeyed(String key, ValidationResult result) {
    return result instanceof Accepted accepted && !accepted.event().getEventId().equals(key);
  }
}
