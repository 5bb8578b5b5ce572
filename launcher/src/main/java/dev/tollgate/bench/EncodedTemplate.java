package dev.tollgate.bench;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.io.BinaryData;

/**
 * One synthetic call, encoded once, that yields the raw value of a new event per id and instant.
 * In the current {@code UsageEvent} schema {@code event_id} and {@code occurred_at} come first, so a
 * value is the header, those two fields, and the template's remaining bytes unchanged. The load
 * generator then costs a copy per event instead of an Avro encoding, and measures the pipeline
 * rather than itself.
 */
final class EncodedTemplate {
  private static final int MAX_LONG_BYTES = 10;
  private final byte[] header;
  private final byte[] tail;

  EncodedTemplate(UsageEvent template, UsageEventCodec codec) {
    byte[] whole = codec.encode(template);
    this.header = Arrays.copyOf(whole, UsageEventCodec.headerLength());
    int firstTwoFields = encodedString(template.getEventId()).length
        + BinaryData.encodeLong(template.getOccurredAt().toEpochMilli(), new byte[MAX_LONG_BYTES], 0);
    this.tail = Arrays.copyOfRange(whole, header.length + firstTwoFields, whole.length);
  }

  /** The value {@code codec.encode} would give for the template with this id and instant. */
  byte[] value(String eventId, long occurredAtMs) {
    byte[] id = encodedString(eventId);
    byte[] time = new byte[MAX_LONG_BYTES];
    int timeLength = BinaryData.encodeLong(occurredAtMs, time, 0);
    byte[] value = new byte[header.length + id.length + timeLength + tail.length];
    int at = 0;
    System.arraycopy(header, 0, value, at, header.length);
    at += header.length;
    System.arraycopy(id, 0, value, at, id.length);
    at += id.length;
    System.arraycopy(time, 0, value, at, timeLength);
    at += timeLength;
    System.arraycopy(tail, 0, value, at, tail.length);
    return value;
  }

  private static byte[] encodedString(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    byte[] length = new byte[MAX_LONG_BYTES];
    int lengthBytes = BinaryData.encodeLong(utf8.length, length, 0);
    byte[] out = Arrays.copyOf(length, lengthBytes + utf8.length);
    System.arraycopy(utf8, 0, out, lengthBytes, utf8.length);
    return out;
  }
}
