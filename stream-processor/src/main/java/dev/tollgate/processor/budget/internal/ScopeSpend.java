package dev.tollgate.processor.budget.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/** The spend of one tenant's team/user/feature combination in one 15-minute bucket. */
record ScopeSpend(String teamId, String userId, String feature, BigDecimal spend, long lastEventAt) {
  private static final byte VERSION = 1;

  ScopeSpend plus(BigDecimal cost, long occurredAt) {
    return new ScopeSpend(teamId, userId, feature, spend.add(cost), Math.max(lastEventAt, occurredAt));
  }

  static Serde<ScopeSpend> serde() {
    return Serdes.serdeFrom((topic, value) -> value == null ? null : write(value), (topic, bytes) -> read(bytes));
  }

  private static byte[] write(ScopeSpend value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      Binary.writeString(out, value.teamId());
      Binary.writeString(out, value.userId());
      Binary.writeString(out, value.feature());
      Binary.writeDecimal(out, value.spend());
      out.writeLong(value.lastEventAt());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static ScopeSpend read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException("unknown scope spend version " + version);
      }
      return new ScopeSpend(Binary.readString(in), Binary.readString(in), Binary.readString(in),
          Binary.readDecimal(in), in.readLong());
    } catch (IOException e) {
      throw new SerializationException("cannot read scope spend", e);
    }
  }
}
