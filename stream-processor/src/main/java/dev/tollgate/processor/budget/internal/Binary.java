package dev.tollgate.processor.budget.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Nullable strings, byte arrays and exact decimals in the compact binary form of internal state. */
final class Binary {
  private Binary() {}

  static void writeString(DataOutputStream out, String value) throws IOException {
    writeBytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  static String readString(DataInputStream in) throws IOException {
    byte[] bytes = readBytes(in);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
    if (value == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(value.length);
    out.write(value);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0) {
      return null;
    }
    return in.readNBytes(length);
  }

  static void writeDecimal(DataOutputStream out, BigDecimal value) throws IOException {
    out.writeInt(value.scale());
    writeBytes(out, value.unscaledValue().toByteArray());
  }

  static BigDecimal readDecimal(DataInputStream in) throws IOException {
    int scale = in.readInt();
    return new BigDecimal(new BigInteger(readBytes(in)), scale);
  }

  /** The bytes {@link #writeString} or {@link #putBytes} take for {@code utf8} (null for a null string). */
  static int sizeOf(byte[] utf8) {
    return Integer.BYTES + (utf8 == null ? 0 : utf8.length);
  }

  static byte[] utf8(String value) {
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  /** The same layout as {@link #writeBytes}, into a buffer sized beforehand. */
  static void putBytes(ByteBuffer out, byte[] value) {
    if (value == null) {
      out.putInt(-1);
      return;
    }
    out.putInt(value.length);
    out.put(value);
  }

  static String getString(ByteBuffer in) {
    int length = in.getInt();
    if (length < 0) {
      return null;
    }
    String value = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return value;
  }

  static BigDecimal getDecimal(ByteBuffer in) {
    int scale = in.getInt();
    int length = in.getInt();
    BigInteger unscaled = new BigInteger(in.array(), in.arrayOffset() + in.position(), length);
    in.position(in.position() + length);
    return new BigDecimal(unscaled, scale);
  }
}
