package dev.tollgate.analytics.reprice.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * ClickHouse's {@code TabSeparated} text, both ways. A row read this way can be inserted back as it
 * is; only the fields that change are formatted here. An array of strings is written inside one
 * field in ClickHouse's literal form, {@code ['a','b\'c']}.
 */
public final class Tsv {
  public static final String NULL = "\\N";
  private static final int MONEY_SCALE = 12;

  private Tsv() {}

  /** The fields of one line, still escaped; a line with another number of fields is refused. */
  public static String[] split(String line, int expected) {
    String[] fields = new String[expected];
    int start = 0;
    for (int i = 0; i < expected - 1; i++) {
      int tab = line.indexOf('\t', start);
      if (tab < 0) {
        throw new IllegalArgumentException("expected " + expected + " fields, found " + (i + 1) + ": " + abbreviate(line));
      }
      fields[i] = line.substring(start, tab);
      start = tab + 1;
    }
    if (line.indexOf('\t', start) >= 0) {
      throw new IllegalArgumentException("expected " + expected + " fields, found more: " + abbreviate(line));
    }
    fields[expected - 1] = line.substring(start);
    return fields;
  }

  /** The text of an escaped field; null for {@code \N}. */
  public static String unescape(String raw) {
    if (NULL.equals(raw)) {
      return null;
    }
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 == raw.length()) {
        out.append(c);
      } else {
        out.append(escaped(raw.charAt(++i)));
      }
    }
    return out.toString();
  }

  public static String escape(String value) {
    if (value == null) {
      return NULL;
    }
    StringBuilder out = null;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      String replacement = switch (c) {
        case '\\' -> "\\\\";
        case '\t' -> "\\t";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\0' -> "\\0";
        default -> null;
      };
      if (replacement != null && out == null) {
        out = new StringBuilder(value.length() + 8).append(value, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? value : out.toString();
  }

  /** An {@code Array(String)} field, e.g. {@code ['a','b\'c']}. */
  public static List<String> stringArray(String raw) {
    if (raw.length() < 2 || raw.charAt(0) != '[' || raw.charAt(raw.length() - 1) != ']') {
      throw new IllegalArgumentException("not an array of strings: " + abbreviate(raw));
    }
    List<String> values = new ArrayList<>();
    int i = 1;
    int end = raw.length() - 1;
    while (i < end) {
      if (raw.charAt(i) != '\'') {
        throw new IllegalArgumentException("expected a quoted string at " + i + ": " + abbreviate(raw));
      }
      StringBuilder value = new StringBuilder();
      i++;
      while (raw.charAt(i) != '\'') {
        char c = raw.charAt(i++);
        value.append(c == '\\' ? escaped(raw.charAt(i++)) : c);
      }
      values.add(value.toString());
      i++;
      if (i < end && raw.charAt(i++) != ',') {
        throw new IllegalArgumentException("expected a comma at " + (i - 1) + ": " + abbreviate(raw));
      }
    }
    return values;
  }

  /** A {@code DateTime('UTC')} field, {@code yyyy-MM-dd HH:mm:ss}. */
  public static Instant dateTime(String raw) {
    if (raw.length() != 19 || raw.charAt(4) != '-' || raw.charAt(10) != ' ') {
      throw new IllegalArgumentException("not a DateTime: " + raw);
    }
    return LocalDateTime.of(digits(raw, 0, 4), digits(raw, 5, 7), digits(raw, 8, 10),
        digits(raw, 11, 13), digits(raw, 14, 16), digits(raw, 17, 19)).toInstant(ZoneOffset.UTC);
  }

  public static String dateTime(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    return String.format("%04d-%02d-%02d %02d:%02d:%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
        t.getHour(), t.getMinute(), t.getSecond());
  }

  /** A {@code Decimal(38, 12)} field; an amount with more decimals is refused rather than rounded. */
  public static String money(String field, BigDecimal value) {
    if (value == null) {
      return NULL;
    }
    try {
      return value.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY).toPlainString();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(field + ": " + value.toPlainString() + " has more than " + MONEY_SCALE
          + " decimals, the column's scale", e);
    }
  }

  public static BigDecimal decimal(String raw) {
    return NULL.equals(raw) ? null : new BigDecimal(raw);
  }

  private static int digits(String raw, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = raw.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a DateTime: " + raw);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static char escaped(char c) {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case '0' -> '\0';
      case 'a' -> '\u0007';
      case 'v' -> '\u000b';
      default -> c;
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
