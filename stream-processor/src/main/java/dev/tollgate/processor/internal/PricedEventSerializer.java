package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.SingleObjectWriter;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes the same bytes as the priced topic's {@code AvroSerde}, for less CPU: the event is copied
 * from the raw value it was decoded from when that holds the current schema (see {@link DecodedFrom}),
 * and each price entry is encoded once rather than once per event. Every event of a model carries the same
 * {@link PriceEntry} instance from the price index until the catalog changes, so its bytes are kept
 * by identity; entries are never modified after they are read from the store.
 */
public final class PricedEventSerializer implements Serializer<PricedUsageEvent> {
  private static final Schema SCHEMA = PricedUsageEvent.getClassSchema();
  /** Bounds the bytes kept for entries of past catalog versions; a catalog holds far fewer. */
  private static final int MAX_CACHED_ENTRIES = 4096;

  private final SingleObjectWriter<PricedUsageEvent> writer =
      new SingleObjectWriter<>(SCHEMA, EntryCachingWriter::new);

  @Override
  public byte[] serialize(String topic, PricedUsageEvent event) {
    if (event == null) {
      return null;
    }
    try {
      return writer.write(event);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + SCHEMA.getName() + ": " + e.getMessage(), e);
    }
  }

  /** One per thread (see {@link SingleObjectWriter}), so its cache needs no locking. */
  private static final class EntryCachingWriter extends SpecificDatumWriter<PricedUsageEvent> {
    private final Map<PriceEntry, byte[]> entryBytes = new IdentityHashMap<>();
    private final SpecificDatumWriter<PriceEntry> entryWriter;

    EntryCachingWriter() {
      super(SCHEMA, SpecificData.getForClass(PricedUsageEvent.class));
      entryWriter = new SpecificDatumWriter<>(PriceEntry.getClassSchema(), SpecificData.getForClass(PriceEntry.class));
    }

    // Not write(): SpecificDatumWriter.writeField calls writeWithoutConversion directly for record
    // fields, so an override of write() never sees the event. Unions come here too, before their
    // branch index is written; only the record itself may be replaced by bytes.
    @Override
    protected void writeWithoutConversion(Schema schema, Object datum, Encoder out) throws IOException {
      if (schema.getType() != Schema.Type.RECORD) {
        super.writeWithoutConversion(schema, datum, out);
        return;
      }
      byte[] decodedFrom = datum instanceof UsageEvent event ? DecodedFrom.valueOf(event) : null;
      if (decodedFrom != null) {
        int header = UsageEventCodec.headerLength();
        out.writeFixed(decodedFrom, header, decodedFrom.length - header);
      } else if (datum instanceof PriceEntry entry) {
        out.writeFixed(bytesOf(entry));
      } else {
        super.writeWithoutConversion(schema, datum, out);
      }
    }

    private byte[] bytesOf(PriceEntry entry) throws IOException {
      byte[] cached = entryBytes.get(entry);
      if (cached != null) {
        return cached;
      }
      if (entryBytes.size() >= MAX_CACHED_ENTRIES) {
        entryBytes.clear();
      }
      SingleObjectWriter.Buffer own = new SingleObjectWriter.Buffer();
      BinaryEncoder entryEncoder = EncoderFactory.get().directBinaryEncoder(own, null);
      entryWriter.write(entry, entryEncoder);
      entryEncoder.flush();
      byte[] bytes = own.toByteArray();
      entryBytes.put(entry, bytes);
      return bytes;
    }
  }
}
