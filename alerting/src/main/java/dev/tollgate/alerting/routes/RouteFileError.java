package dev.tollgate.alerting.routes;

/** One problem in a routes file: where it is, which field, and why. */
public record RouteFileError(int line, int column, String field, String reason) {

  @Override
  public String toString() {
    return "line " + line + ", column " + column + (field.isEmpty() ? "" : ": " + field) + ": " + reason;
  }
}
