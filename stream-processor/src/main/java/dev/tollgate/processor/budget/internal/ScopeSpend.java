package dev.tollgate.processor.budget.internal;

import java.math.BigDecimal;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
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

  // Read and written for every event, so through a buffer rather than data streams; the layout is
  // the one Binary's stream methods use.
  private static byte[] write(ScopeSpend value) {
    byte[] team = Binary.utf8(value.teamId());
    byte[] user = Binary.utf8(value.userId());
    byte[] feature = Binary.utf8(value.feature());
    byte[] unscaled = value.spend().unscaledValue().toByteArray();
    ByteBuffer out = ByteBuffer.allocate(1 + Binary.sizeOf(team) + Binary.sizeOf(user) + Binary.sizeOf(feature)
        + Integer.BYTES + Binary.sizeOf(unscaled) + Long.BYTES);
    out.put(VERSION);
    Binary.putBytes(out, team);
    Binary.putBytes(out, user);
    Binary.putBytes(out, feature);
    out.putInt(value.spend().scale());
    Binary.putBytes(out, unscaled);
    out.putLong(value.lastEventAt());
    return out.array();
  }

  private static ScopeSpend read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      byte version = in.get();
      if (version != VERSION) {
        throw new SerializationException("unknown scope spend version " + version);
      }
      return new ScopeSpend(Binary.getString(in), Binary.getString(in), Binary.getString(in),
          Binary.getDecimal(in), in.getLong());
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new SerializationException("cannot read scope spend", e);
    }
  }
}
