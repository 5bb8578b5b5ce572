package dev.tollgate.schemas.json;

import dev.tollgate.schemas.validation.Violation;

/** Thrown while reading a JSON object when a field breaks the contract. */
public final class InvalidFieldException extends RuntimeException {
  private final transient Violation violation;

  public InvalidFieldException(String field, String reason) {
    super(field + ": " + reason, null, false, false);
    this.violation = new Violation(field, reason);
  }

  public Violation violation() {
    return violation;
  }
}
