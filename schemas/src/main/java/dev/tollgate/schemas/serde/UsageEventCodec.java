package dev.tollgate.schemas.serde;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.json.UsageEventJson;
import dev.tollgate.schemas.validation.UsageEventValidator;
import dev.tollgate.schemas.validation.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads a value of the raw usage topic: Avro single-object encoding (marker {@code C3 01}) or the
 * JSON form of the contract. Either way the contract's rules are checked, so the caller gets a
 * usable event or the field and reason why not.
 */
public final class UsageEventCodec {
  private static final byte AVRO_MARKER_0 = (byte) 0xC3;
  private static final byte AVRO_MARKER_1 = (byte) 0x01;
  private static final byte[] CURRENT_HEADER = SingleObjectWriter.header(UsageEvent.getClassSchema());
  private final AvroSerde<UsageEvent> avro = new AvroSerde<>(UsageEvent::new);
  private final DatumReader<UsageEvent> currentReader = new SpecificDatumReader<>(UsageEvent.getClassSchema(),
      UsageEvent.getClassSchema(), SpecificData.getForClass(UsageEvent.class));

  /**
   * True when the value is single-object encoded with the current schema. Such a value, once
   * {@link #decode} accepted it, holds after its header exactly the record's own Avro bytes, which a
   * record embedding the event may copy instead of encoding the event again.
   */
  public static boolean isCurrentAvro(byte[] value) {
    return value != null && AvroSerde.startsWith(value, CURRENT_HEADER);
  }

  /** The bytes of the header before the record in single-object encoding. */
  public static int headerLength() {
    return CURRENT_HEADER.length;
  }

  public byte[] encode(UsageEvent event) {
    return avro.serialize(null, event);
  }

  public ParseResult<UsageEvent> decode(byte[] value, Instant now) {
    if (value == null || value.length == 0) {
      return ParseResult.invalid(Violation.WHOLE_RECORD, "is empty");
    }
    if (value.length > 1 && value[0] == AVRO_MARKER_0 && value[1] == AVRO_MARKER_1) {
      return decodeAvro(value, now);
    }
    if (firstNonBlank(value) == '{') {
      return UsageEventJson.parse(new String(value, StandardCharsets.UTF_8), now);
    }
    return ParseResult.invalid(Violation.WHOLE_RECORD,
        "is neither Avro single-object encoding nor a JSON object");
  }

  private ParseResult<UsageEvent> decodeAvro(byte[] value, Instant now) {
    UsageEvent event;
    try {
      event = isCurrentAvro(value) ? decodeCurrent(value) : avro.deserialize(null, value);
    } catch (IOException | RuntimeException e) {
      return ParseResult.invalid(Violation.WHOLE_RECORD, "is unreadable Avro: " + rootMessage(e));
    }
    if (event == null) {
      return ParseResult.invalid(Violation.WHOLE_RECORD, "has bytes after the end of the Avro record");
    }
    return UsageEventValidator.validate(event, now)
        .<ParseResult<UsageEvent>>map(ParseResult.Invalid::new)
        .orElseGet(() -> ParseResult.ok(event));
  }

  /**
   * The current version straight from the array: no schema lookup, and a decoder reading the array
   * rather than a stream byte by byte. Null when bytes follow the record, which no Avro encoder writes.
   */
  private UsageEvent decodeCurrent(byte[] value) throws IOException {
    BinaryDecoder in = DecoderFactory.get().binaryDecoder(value, CURRENT_HEADER.length, value.length - CURRENT_HEADER.length, null);
    UsageEvent event = currentReader.read(null, in);
    return in.isEnd() ? event : null;
  }

  private static byte firstNonBlank(byte[] value) {
    for (byte b : value) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b;
      }
    }
    return 0;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
