package dev.tollgate.processor.budget.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A budget's spend in one period and the alerts already raised for it. Kept in a changelogged
 * store and updated in the same transaction as the alerts it emits, so a restart neither loses an
 * alert nor raises it again.
 *
 * @param fired ids (see {@link BudgetRules}) of the thresholds whose alert was raised
 * @param lastEventAt occurred_at of the newest event counted, 0 when none
 */
public record PeriodState(BigDecimal spend, Set<String> fired, boolean forecastFired, long lastEventAt) {
  private static final byte VERSION = 1;

  public PeriodState {
    fired = Set.copyOf(fired);
  }

  public static PeriodState opening(BigDecimal spend) {
    return new PeriodState(spend, Set.of(), false, 0);
  }

  public PeriodState plus(BigDecimal cost, long occurredAt) {
    return new PeriodState(spend.add(cost), fired, forecastFired, Math.max(lastEventAt, occurredAt));
  }

  public PeriodState withFired(Set<String> more) {
    Set<String> all = new TreeSet<>(fired);
    all.addAll(more);
    return new PeriodState(spend, all, forecastFired, lastEventAt);
  }

  public PeriodState withForecastFired() {
    return new PeriodState(spend, fired, true, lastEventAt);
  }

  /** This state's alerts with another spend, for a budget whose scope changed within the period. */
  public PeriodState withSpend(BigDecimal newSpend, long newLastEventAt) {
    return new PeriodState(newSpend, fired, forecastFired, newLastEventAt);
  }

  public static Serde<PeriodState> serde() {
    return Serdes.serdeFrom((topic, state) -> state == null ? null : write(state), (topic, bytes) -> read(bytes));
  }

  private static byte[] write(PeriodState state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      Binary.writeDecimal(out, state.spend());
      out.writeInt(state.fired().size());
      for (String id : new TreeSet<>(state.fired())) {
        Binary.writeString(out, id);
      }
      out.writeBoolean(state.forecastFired());
      out.writeLong(state.lastEventAt());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static PeriodState read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException("unknown period state version " + version);
      }
      BigDecimal spend = Binary.readDecimal(in);
      int count = in.readInt();
      Set<String> fired = new TreeSet<>();
      for (int i = 0; i < count; i++) {
        fired.add(Binary.readString(in));
      }
      return new PeriodState(spend, fired, in.readBoolean(), in.readLong());
    } catch (IOException e) {
      throw new SerializationException("cannot read period state", e);
    }
  }
}
