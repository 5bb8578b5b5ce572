package dev.tollgate.processor.budget.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** Counts per field name in the compact binary form of internal state. */
final class FieldCounts {
  private static final byte VERSION = 1;

  private FieldCounts() {}

  static Serde<Map<String, Long>> serde() {
    return Serdes.serdeFrom((topic, value) -> value == null ? null : write(value), (topic, bytes) -> read(bytes));
  }

  private static byte[] write(Map<String, Long> counts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(counts.size());
      for (Map.Entry<String, Long> entry : counts.entrySet()) {
        Binary.writeString(out, entry.getKey());
        out.writeLong(entry.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Map<String, Long> read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException("unknown field counts version " + version);
      }
      int size = in.readInt();
      Map<String, Long> counts = new HashMap<>();
      for (int i = 0; i < size; i++) {
        counts.put(Binary.readString(in), in.readLong());
      }
      return counts;
    } catch (IOException e) {
      throw new SerializationException("cannot read field counts", e);
    }
  }
}
