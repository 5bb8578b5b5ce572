package dev.tollgate.cli.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Text drawn inside a chart: numbers for the eye (exact ones go to the HTML table) and shortened names. */
final class Labels {
  private static final int MAX_ROUNDED_DECIMALS = 6;
  private static final MathContext TWO_SIGNIFICANT = new MathContext(2, RoundingMode.HALF_EVEN);

  private Labels() {}

  /** The number with thousands separators and no trailing zeros, e.g. {@code 1,250.5}. */
  static String number(BigDecimal value) {
    return format(value.stripTrailingZeros(), 0);
  }

  /** Cents from 1 up, two significant digits below 1, so small amounts do not show as 0. */
  static String rounded(BigDecimal value) {
    if (value.abs().compareTo(BigDecimal.ONE) >= 0) {
      return format(value.setScale(2, RoundingMode.HALF_EVEN), 2);
    }
    BigDecimal shown = value.round(TWO_SIGNIFICANT);
    if (shown.scale() > MAX_ROUNDED_DECIMALS) {
      shown = shown.setScale(MAX_ROUNDED_DECIMALS, RoundingMode.HALF_EVEN);
    }
    return number(shown);
  }

  private static String format(BigDecimal value, int minDecimals) {
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    format.setMinimumFractionDigits(minDecimals);
    format.setMaximumFractionDigits(Math.max(minDecimals, value.scale()));
    return format.format(value);
  }

  /**
   * The text on one line, at most {@code maxChars} long; a long one keeps its start and its end,
   * where names such as {@code platform-team-12} differ.
   */
  static String shortened(String text, int maxChars) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    if (oneLine.length() <= maxChars) {
      return oneLine;
    }
    int tail = (maxChars - 1) / 2;
    int head = maxChars - 1 - tail;
    return oneLine.substring(0, head) + "\u2026" + oneLine.substring(oneLine.length() - tail);
  }
}
