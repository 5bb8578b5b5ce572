package dev.tollgate.cli.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How decimal amounts are printed: exact in JSON, readable in tables. */
public final class Amounts {
  private static final int MIN_TABLE_DECIMALS = 2;
  private static final int MAX_TABLE_DECIMALS = 6;

  private Amounts() {}

  /** The exact value, without exponent or trailing zeros, e.g. {@code 375.123456789012}; null stays null. */
  public static String exact(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  /**
   * For a table cell: rounded half-even to 6 decimals, then shown with as many as that needs, at
   * least 2; {@code -} when absent.
   */
  public static String display(BigDecimal value) {
    if (value == null) {
      return "-";
    }
    BigDecimal rounded = value.setScale(MAX_TABLE_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.setScale(Math.max(MIN_TABLE_DECIMALS, rounded.scale())).toPlainString();
  }

  /** A percentage for a table cell: as many decimals as it has, e.g. {@code 75} or {@code 87.5}. */
  public static String percent(BigDecimal value) {
    return value == null ? "-" : exact(value) + "%";
  }
}
