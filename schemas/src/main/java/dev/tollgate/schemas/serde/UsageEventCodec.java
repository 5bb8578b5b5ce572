package dev.tollgate.schemas.serde;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.json.UsageEventJson;
import dev.tollgate.schemas.validation.UsageEventValidator;
import dev.tollgate.schemas.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads a value of the raw usage topic: Avro single-object encoding (marker {@code C3 01}) or the
 * JSON form of the contract. Either way the contract's rules are checked, so the caller gets a
 * usable event or the field and reason why not.
 */
public final class UsageEventCodec {
  private static final byte AVRO_MARKER_0 = (byte) 0xC3;
  private static final byte AVRO_MARKER_1 = (byte) 0x01;
  private final AvroSerde<UsageEvent> avro = new AvroSerde<>(UsageEvent::new);

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
      event = avro.deserialize(null, value);
    } catch (SerializationException e) {
      return ParseResult.invalid(Violation.WHOLE_RECORD, "is unreadable Avro: " + rootMessage(e));
    }
    return UsageEventValidator.validate(event, now)
        .<ParseResult<UsageEvent>>map(ParseResult.Invalid::new)
        .orElseGet(() -> ParseResult.ok(event));
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
