package dev.tollgate.analytics.writer.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RowBinary rows back by the column types, as ClickHouse does, so tests can check what the
 * encoder wrote value by value: String, Int/UInt, DateTime, Decimal(P, S), Nullable(T), Array(T).
 */
final class RowBinaryReader {
  private static final Pattern DECIMAL = Pattern.compile("Decimal\\((\\d+), (\\d+)\\)");
  private static final Pattern WRAPPED = Pattern.compile("(Nullable|Array)\\((.*)\\)");

  private final byte[] bytes;
  private int pos;

  RowBinaryReader(byte[] bytes) {
    this.bytes = bytes;
  }

  boolean atEnd() {
    return pos == bytes.length;
  }

  /** One row of the encoder's columns, by column name. */
  Map<String, Object> row() {
    Map<String, Object> row = new LinkedHashMap<>();
    for (UsageRowEncoder.Column column : UsageRowEncoder.COLUMNS) {
      row.put(column.name(), value(column.type()));
    }
    return row;
  }

  Object value(String type) {
    Matcher wrapped = WRAPPED.matcher(type);
    if (wrapped.matches() && wrapped.group(1).equals("Nullable")) {
      return bytes[pos++] == 1 ? null : value(wrapped.group(2));
    }
    if (wrapped.matches()) {
      int size = (int) varUInt();
      List<Object> elements = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        elements.add(value(wrapped.group(2)));
      }
      return elements;
    }
    Matcher decimal = DECIMAL.matcher(type);
    if (decimal.matches()) {
      int width = Integer.parseInt(decimal.group(1)) <= 18 ? 8 : 16;
      return new BigDecimal(new BigInteger(littleEndian(width)), Integer.parseInt(decimal.group(2)));
    }
    return switch (type) {
      case "String" -> {
        int length = (int) varUInt();
        String s = new String(bytes, pos, length, StandardCharsets.UTF_8);
        pos += length;
        yield s;
      }
      case "UInt8" -> (long) (bytes[pos++] & 0xFF);
      case "UInt32" -> new BigInteger(1, littleEndian(4)).longValueExact();
      case "Int64", "UInt64" -> new BigInteger(littleEndian(8)).longValue();
      case "DateTime('UTC')" -> Instant.ofEpochSecond(new BigInteger(1, littleEndian(4)).longValueExact());
      default -> throw new IllegalArgumentException("no reader for type " + type);
    };
  }

  /** The next {@code width} bytes, reversed into big-endian order. */
  private byte[] littleEndian(int width) {
    byte[] bigEndian = new byte[width];
    for (int i = 0; i < width; i++) {
      bigEndian[width - 1 - i] = bytes[pos + i];
    }
    pos += width;
    return bigEndian;
  }

  private long varUInt() {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = bytes[pos++];
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
  }
}
