package dev.tollgate.analytics.forecast;

import java.util.Locale;

/** The usage pattern of a scope, as {@link PatternClassifier} names it. */
public enum PatternKind {
  STEADY,
  GROWING,
  DECLINING,
  SPIKY,
  SEASONAL,
  TOO_LITTLE_HISTORY;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static PatternKind parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("a pattern is steady, growing, declining, spiky or seasonal, got \"" + text + "\"");
    }
  }
}
