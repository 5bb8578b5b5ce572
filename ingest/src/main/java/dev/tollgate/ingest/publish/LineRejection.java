package dev.tollgate.ingest.publish;

import dev.tollgate.schemas.validation.Violation;

/** A line of a JSON-lines file that was not sent, and why. */
public record LineRejection(long lineNumber, Violation violation) {
  @Override
  public String toString() {
    return "line " + lineNumber + ": " + violation.field() + ": " + violation.reason();
  }
}
