package dev.tollgate.alerting.routes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgent an alert is, lowest first: info &lt; warning &lt; critical &lt; emergency. */
public enum Severity {
  INFO, WARNING, CRITICAL, EMERGENCY;

  /** The severity named {@code text} (any case), if it is one of the four. */
  public static Optional<Severity> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String upper = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.name().equals(upper)).findFirst();
  }

  /**
   * The severity of an alert's {@code severity} field. A value this version does not know counts as
   * critical: it is routed as urgent and never waits behind a digest or a rate limit.
   */
  public static Severity ofAlert(String text) {
    return parse(text).orElse(CRITICAL);
  }

  /** Critical and emergency alerts never wait behind a digest or a rate limit. */
  public boolean urgent() {
    return compareTo(CRITICAL) >= 0;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
