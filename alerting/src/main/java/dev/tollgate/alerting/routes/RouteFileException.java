package dev.tollgate.alerting.routes;

import java.util.List;
import java.util.stream.Collectors;

/** A routes file that cannot be used, with every problem found, each naming its line and field. */
public final class RouteFileException extends RuntimeException {
  private final String source;
  private final List<RouteFileError> errors;

  public RouteFileException(String source, List<RouteFileError> errors) {
    super("invalid routes file " + source + ":" + errors.stream().map(e -> "\n  " + source + " " + e)
        .collect(Collectors.joining()));
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  public String source() {
    return source;
  }

  public List<RouteFileError> errors() {
    return errors;
  }
}
