package dev.tollgate.analytics.writer.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;

/**
 * A growable buffer of values in ClickHouse's {@code RowBinary} format: fixed-width little-endian
 * integers, strings as a LEB128 length and their UTF-8 bytes, no separators and no escaping. The
 * server copies these values instead of parsing text, and the same bytes are valid on 18.16 and on
 * current versions.
 */
public final class RowBinary {
  private static final long MAX_DATE_TIME = 0xFFFF_FFFFL;
  private static final BigInteger[] DECIMAL_LIMITS = new BigInteger[39];

  static {
    for (int precision = 0; precision < DECIMAL_LIMITS.length; precision++) {
      DECIMAL_LIMITS[precision] = BigInteger.TEN.pow(precision);
    }
  }

  private byte[] buf;
  private int len;

  public RowBinary(int initialCapacity) {
    this.buf = new byte[Math.max(16, initialCapacity)];
  }

  public int length() {
    return len;
  }

  /** The buffer itself, valid up to {@link #length()} until the next write. */
  public byte[] array() {
    return buf;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  public void reset() {
    len = 0;
  }

  /** Forgets everything written after {@code length}, e.g. the part of a row that could not be completed. */
  public void truncate(int length) {
    len = length;
  }

  /** Copies bytes [from, to) of {@code source} to the end of this buffer. */
  public void appendRange(RowBinary source, int from, int to) {
    int n = to - from;
    ensure(n);
    System.arraycopy(source.buf, from, buf, len, n);
    len += n;
  }

  /** UInt8; also a boolean as 0 or 1 and the marker before a Nullable value (1 = NULL). */
  public void uint8(int value) {
    ensure(1);
    buf[len++] = (byte) value;
  }

  public void uint32(long value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buf[len++] = (byte) (value >>> (8 * i));
    }
  }

  /** Int64 or UInt64: the same eight bytes. */
  public void int64(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buf[len++] = (byte) (value >>> (8 * i));
    }
  }

  /** DateTime: whole seconds since 1970 as UInt32; sub-seconds are dropped, as a DateTime column does. */
  public void dateTime(String field, Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds > MAX_DATE_TIME) {
      throw new IllegalArgumentException(field + ": " + instant + " is outside ClickHouse DateTime's range "
          + Instant.EPOCH + " to " + Instant.ofEpochSecond(MAX_DATE_TIME));
    }
    uint32(seconds);
  }

  /** Decimal(18, s): the value at scale s, as Int64. */
  public void decimal64(String field, BigDecimal value, int scale) {
    int64(unscaled(field, value, 18, scale).longValueExact());
  }

  /** Decimal(38, s): the value at scale s, as a little-endian two's-complement Int128. */
  public void decimal128(String field, BigDecimal value, int scale) {
    BigInteger unscaled = unscaled(field, value, 38, scale);
    if (unscaled.bitLength() < 64) {
      long low = unscaled.longValue();
      int64(low);
      int64(low < 0 ? -1L : 0L);
      return;
    }
    byte[] bigEndian = unscaled.toByteArray();
    byte sign = unscaled.signum() < 0 ? (byte) -1 : 0;
    ensure(16);
    for (int i = 0; i < 16; i++) {
      int from = bigEndian.length - 1 - i;
      buf[len++] = from >= 0 ? bigEndian[from] : sign;
    }
  }

  /** String: LEB128 byte length, then UTF-8; a lone surrogate, which has no UTF-8 form, becomes U+FFFD. */
  public void string(String s) {
    int n = s.length();
    int bytes = utf8Length(s);
    ensure(bytes + 5);
    varUInt(bytes);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[len++] = (byte) c;
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xF0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        char out = Character.isSurrogate(c) ? '\uFFFD' : c;
        buf[len++] = (byte) (0xE0 | (out >> 12));
        buf[len++] = (byte) (0x80 | ((out >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (out & 0x3F));
      }
    }
  }

  /** String: the UTF-8 bytes [from, from + length) of {@code source}, which the caller knows to be ASCII. */
  public void ascii(byte[] source, int from, int length) {
    ensure(length + 5);
    varUInt(length);
    System.arraycopy(source, from, buf, len, length);
    len += length;
  }

  /** The element count that starts an Array value. */
  public void arraySize(int size) {
    ensure(5);
    varUInt(size);
  }

  private void varUInt(int value) {
    while ((value & ~0x7F) != 0) {
      buf[len++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    buf[len++] = (byte) value;
  }

  static int utf8Length(String s) {
    int n = s.length();
    int bytes = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        if (c < 0x800) {
          bytes += 1;
        } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          bytes += 2;
          i++;
        } else {
          bytes += 2;
        }
      }
    }
    return bytes;
  }

  private static BigInteger unscaled(String field, BigDecimal value, int precision, int scale) {
    BigInteger unscaled;
    try {
      unscaled = value.setScale(scale).unscaledValue();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(field + ": " + value.toPlainString() + " has more than " + scale
          + " decimals, the column's scale", e);
    }
    // Below 2^59 every value fits even Decimal(18, s); only longer ones need the exact comparison.
    if (unscaled.bitLength() > 59 && unscaled.abs().compareTo(DECIMAL_LIMITS[precision]) >= 0) {
      throw new IllegalArgumentException(field + ": " + value.toPlainString() + " does not fit Decimal("
          + precision + ", " + scale + ")");
    }
    return unscaled;
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}
