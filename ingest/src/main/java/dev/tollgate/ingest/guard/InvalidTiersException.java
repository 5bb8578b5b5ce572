package dev.tollgate.ingest.guard;

/** A token tiers file (or map) that breaks its format, with the field at fault and why. */
public final class InvalidTiersException extends IllegalArgumentException {
  private final String field;
  private final String reason;

  public InvalidTiersException(String field, String reason) {
    super(field + ": " + reason);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
