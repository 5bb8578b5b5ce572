package dev.tollgate.ingest.guard;

/** No price applies to the model asked about; the guard never invents one. */
public final class UnknownModelException extends IllegalArgumentException {
  private final String field;
  private final String reason;

  public UnknownModelException(String field, String reason) {
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
