package dev.tollgate.schemas.validation;

/** Why an input was refused: the field at fault and the reason, in words a producer can act on. */
public record Violation(String field, String reason) {
  /** The field used when the record as a whole cannot be read. */
  public static final String WHOLE_RECORD = "_record";

  @Override
  public String toString() {
    return field + ": " + reason;
  }
}
