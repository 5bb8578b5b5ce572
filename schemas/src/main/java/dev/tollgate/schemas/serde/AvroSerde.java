package dev.tollgate.schemas.serde;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding: a two-byte marker, the 8-byte fingerprint of the writer schema,
 * then the binary datum. Every historical version of the schema is registered with the decoder,
 * so old records resolve to the current class without a schema registry.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {
  private static final String GENERATED_PACKAGE = "dev.tollgate.schemas.avro";

  static {
    // Avro refuses to instantiate classes it was not told to trust; ours are generated from our schemas.
    ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous,
        type -> GENERATED_PACKAGE.equals(type.getPackageName())));
  }

  private final SingleObjectWriter<T> encoder;
  private final BinaryMessageDecoder<T> decoder;
  private final byte[] currentHeader;
  private final DatumReader<T> currentReader;

  public AvroSerde(Supplier<T> prototype) {
    T sample = prototype.get();
    Schema current = sample.getSchema();
    SpecificData model = modelOf(sample);
    this.encoder = new SingleObjectWriter<>(current, () -> new SpecificDatumWriter<>(current, model));
    this.decoder = new BinaryMessageDecoder<>(model, current);
    this.currentHeader = SingleObjectWriter.header(current);
    this.currentReader = new SpecificDatumReader<>(current, current, model);
    for (Schema old : SchemaHistory.versionsOf(current.getName())) {
      decoder.addSchema(old);
    }
  }

  private static SpecificData modelOf(SpecificRecord sample) {
    // The generated class carries a model with its logical-type conversions (decimals, instants).
    return SpecificData.getForClass(sample.getClass());
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return encoder.write(data);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot encode " + data.getSchema().getName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return startsWith(data, currentHeader) ? decodeCurrent(data) : decoder.decode(data);
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot decode record from " + topic + ": " + e.getMessage(), e);
    }
  }

  /**
   * The value in the current schema, read straight from the array. {@code BinaryMessageDecoder}
   * would wrap it in a stream and read byte by byte, which costs several times more per record.
   */
  private T decodeCurrent(byte[] data) throws IOException {
    int header = currentHeader.length;
    return currentReader.read(null, DecoderFactory.get().binaryDecoder(data, header, data.length - header, null));
  }

  static boolean startsWith(byte[] value, byte[] header) {
    return value.length >= header.length && Arrays.equals(value, 0, header.length, header, 0, header.length);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    // Configured by construction: the record class fixes the schema and its history.
  }

  @Override
  public void close() {
    // Nothing to release: encoder and decoder hold only thread-local buffers.
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }
}
