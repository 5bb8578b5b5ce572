package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Budget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The format of the processor's own repartition topics. A leading version byte lets a newer
 * processor read what an older one wrote during a rolling upgrade.
 */
public final class TenantInputSerde {
  private static final byte VERSION = 1;
  private static final byte SPEND = 'S';
  private static final byte CHANGE = 'B';
  private static final Serializer<Budget> BUDGET_OUT = Topics.BUDGETS.valueSerde().serializer();
  private static final Deserializer<Budget> BUDGET_IN = Topics.BUDGETS.valueSerde().deserializer();

  private TenantInputSerde() {}

  public static Serde<TenantInput> serde() {
    return Serdes.serdeFrom((topic, input) -> input == null ? null : write(input), (topic, bytes) -> read(bytes));
  }

  private static byte[] write(TenantInput input) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      if (input instanceof TenantInput.Spend s) {
        out.writeByte(SPEND);
        out.writeLong(s.occurredAt());
        Binary.writeString(out, s.teamId());
        Binary.writeString(out, s.userId());
        Binary.writeString(out, s.feature());
        Binary.writeDecimal(out, s.cost());
      } else {
        TenantInput.BudgetChange c = (TenantInput.BudgetChange) input;
        out.writeByte(CHANGE);
        Binary.writeString(out, c.budgetId());
        Binary.writeBytes(out, c.budget() == null ? null : BUDGET_OUT.serialize(Topics.BUDGETS.name(), c.budget()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static TenantInput read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new SerializationException("unknown budget input version " + version);
      }
      byte kind = in.readByte();
      if (kind == SPEND) {
        return new TenantInput.Spend(in.readLong(), Binary.readString(in), Binary.readString(in),
            Binary.readString(in), Binary.readDecimal(in));
      }
      String budgetId = Binary.readString(in);
      byte[] budget = Binary.readBytes(in);
      return new TenantInput.BudgetChange(budgetId,
          budget == null ? null : BUDGET_IN.deserialize(Topics.BUDGETS.name(), budget));
    } catch (IOException e) {
      throw new SerializationException("cannot read budget input", e);
    }
  }
}
