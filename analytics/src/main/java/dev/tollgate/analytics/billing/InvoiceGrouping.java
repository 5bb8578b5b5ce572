package dev.tollgate.analytics.billing;

import java.util.Locale;

/** What one usage line of an invoice stands for. */
public enum InvoiceGrouping {
  MODEL,
  FEATURE;

  public static InvoiceGrouping parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--per must be model or feature, got \"" + text + "\"");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
