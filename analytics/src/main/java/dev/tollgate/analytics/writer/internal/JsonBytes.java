package dev.tollgate.analytics.writer.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * A growable UTF-8 buffer with the few JSON writes a JSONEachRow row needs, tuned for the writer's
 * hot path: no intermediate strings for text, numbers or times.
 */
public final class JsonBytes {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  public JsonBytes(int initialCapacity) {
    this.buf = new byte[Math.max(16, initialCapacity)];
  }

  public int length() {
    return len;
  }

  public void reset() {
    len = 0;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  /** Copies bytes [from, to) of {@code source} to the end of this buffer. */
  public void appendRange(JsonBytes source, int from, int to) {
    int n = to - from;
    ensure(n);
    System.arraycopy(source.buf, from, buf, len, n);
    len += n;
  }

  public void raw(byte[] ascii) {
    ensure(ascii.length);
    System.arraycopy(ascii, 0, buf, len, ascii.length);
    len += ascii.length;
  }

  public void raw(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  /** {@code "name":}, preceded by a comma unless it is the first field; the name must be plain ASCII. */
  public void fieldName(String name, boolean first) {
    ensure(name.length() + 4);
    if (!first) {
      buf[len++] = ',';
    }
    buf[len++] = '"';
    for (int i = 0; i < name.length(); i++) {
      buf[len++] = (byte) name.charAt(i);
    }
    buf[len++] = '"';
    buf[len++] = ':';
  }

  public void nullValue() {
    raw(NULL);
  }

  public void number(long value) {
    if (value == Long.MIN_VALUE) {
      raw(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    ensure(20);
    if (value < 0) {
      buf[len++] = '-';
      value = -value;
    }
    int digits = digitCount(value);
    int end = len + digits;
    for (int i = end - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    len = end;
  }

  /** A bare JSON number in plain notation with exactly {@code scale} decimals (ClickHouse 18.16 refuses quoted decimals). */
  public void decimal(BigDecimal value, int scale) {
    String plain = value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    ensure(plain.length());
    for (int i = 0; i < plain.length(); i++) {
      buf[len++] = (byte) plain.charAt(i);
    }
  }

  /** A quoted {@code YYYY-MM-DD hh:mm:ss} in UTC, the text form of a ClickHouse DateTime; sub-seconds dropped. */
  public void dateTime(Instant instant) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    ensure(21);
    buf[len++] = '"';
    pad(t.getYear(), 4);
    buf[len++] = '-';
    pad(t.getMonthValue(), 2);
    buf[len++] = '-';
    pad(t.getDayOfMonth(), 2);
    buf[len++] = ' ';
    pad(t.getHour(), 2);
    buf[len++] = ':';
    pad(t.getMinute(), 2);
    buf[len++] = ':';
    pad(t.getSecond(), 2);
    buf[len++] = '"';
  }

  /** A JSON string: quotes, backslashes and control characters escaped, everything else as UTF-8. */
  public void string(String s) {
    // Six bytes per char covers the longest form, a six-character control escape.
    ensure(s.length() * 6 + 2);
    buf[len++] = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[len++] = (byte) c;
      } else if (c < 0x80) {
        escapeAscii(c);
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xF0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        // A lone surrogate has no UTF-8 form; it becomes U+FFFD, as in String.getBytes.
        char out = Character.isSurrogate(c) ? '\uFFFD' : c;
        buf[len++] = (byte) (0xE0 | (out >> 12));
        buf[len++] = (byte) (0x80 | ((out >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (out & 0x3F));
      }
    }
    buf[len++] = '"';
  }

  private void escapeAscii(char c) {
    buf[len++] = '\\';
    switch (c) {
      case '"' -> buf[len++] = '"';
      case '\\' -> buf[len++] = '\\';
      case '\n' -> buf[len++] = 'n';
      case '\r' -> buf[len++] = 'r';
      case '\t' -> buf[len++] = 't';
      case '\b' -> buf[len++] = 'b';
      case '\f' -> buf[len++] = 'f';
      default -> {
        buf[len++] = 'u';
        buf[len++] = '0';
        buf[len++] = '0';
        buf[len++] = HEX[c >> 4];
        buf[len++] = HEX[c & 0xF];
      }
    }
  }

  private void pad(int value, int width) {
    for (int i = len + width - 1; i >= len; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    len += width;
  }

  private static int digitCount(long value) {
    int digits = 1;
    while (value >= 10) {
      value /= 10;
      digits++;
    }
    return digits;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
