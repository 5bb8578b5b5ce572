package dev.tollgate.ingest.sdk;

import dev.tollgate.schemas.validation.Violation;

/** A provider response the SDK cannot read usage from, with the field at fault and why. */
public final class InvalidResponseException extends RuntimeException {
  private final transient Violation violation;

  public InvalidResponseException(String field, String reason) {
    super(field + ": " + reason);
    this.violation = new Violation(field, reason);
  }

  public Violation violation() {
    return violation;
  }
}
