package dev.tollgate.analytics.writer.internal;

import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.serde.SingleObjectWriter;
import java.time.Instant;

/**
 * Writes the {@code usage_events} row of a priced event straight from the record's Avro bytes,
 * without building the event: strings are copied, numbers re-encoded. Decoding every event into
 * objects and encoding them again was most of the writer's CPU.
 *
 * <p>It takes only what it can copy exactly: the current schema, ASCII strings, decimals of up to
 * 56 bits, instants within DateTime's range, maps with distinct keys. For anything else it answers
 * false, and the caller decodes the event and writes it through {@link UsageRowEncoder}, which also
 * names the field of a value the table cannot hold. Both paths write the same bytes.
 */
public final class PricedRowTranscoder {
  private static final byte[] HEADER = SingleObjectWriter.header(PricedUsageEvent.getClassSchema());
  private static final long MAX_DATE_TIME_MS = 0xFFFF_FFFFL * 1000 + 999;
  private static final int NULL = 1;
  private static final int NOT_NULL = 0;

  private final AvroSpans in = new AvroSpans();

  /**
   * Appends the row of {@code value}, a single-object encoded priced event, and returns true; or
   * returns false, leaving {@code out} possibly holding part of a row, when the value is not one
   * this class copies.
   */
  public boolean write(byte[] value, RowBinary out, KafkaPosition position, Instant insertedAt) {
    if (value == null || !startsWithHeader(value)) {
      return false;
    }
    try {
      in.parse(value, HEADER.length);
    } catch (AvroSpans.NotCopyable e) {
      return false;
    }
    return emit(value, out, position, insertedAt);
  }

  private boolean emit(byte[] v, RowBinary out, KafkaPosition position, Instant insertedAt) {
    if (!validTimes()) {
      return false;
    }
    AvroSpans s = in;
    out.ascii(v, s.start(AvroSpans.EVENT_ID), s.length(AvroSpans.EVENT_ID));
    out.uint32(Math.floorDiv(s.number(AvroSpans.OCCURRED_AT), 1000));
    string(out, v, AvroSpans.TENANT_ID);
    string(out, v, AvroSpans.TEAM_ID);
    string(out, v, AvroSpans.USER_ID);
    string(out, v, AvroSpans.FEATURE);
    string(out, v, AvroSpans.PROVIDER);
    string(out, v, AvroSpans.MODEL);
    string(out, v, AvroSpans.OPERATION);
    out.int64(s.number(AvroSpans.INPUT_TOKENS));
    out.int64(s.number(AvroSpans.CACHED_INPUT_TOKENS));
    out.int64(s.number(AvroSpans.OUTPUT_TOKENS));
    optionalDecimal(out, v, AvroSpans.AUDIO_SECONDS, false);
    out.uint8((int) s.number(AvroSpans.BATCH));
    out.uint8((int) s.number(AvroSpans.ESTIMATED));
    string(out, v, AvroSpans.STATUS);
    optionalLong(out, AvroSpans.LATENCY_MS);
    string(out, v, AvroSpans.REQUEST_ID);
    string(out, v, AvroSpans.PROMPT_HASH);
    attributes(out, v);
    string(out, v, AvroSpans.BASELINE_MODEL);
    optionalLong(out, AvroSpans.BASELINE_INPUT_TOKENS);
    optionalLong(out, AvroSpans.BASELINE_OUTPUT_TOKENS);
    optionalDecimal(out, v, AvroSpans.AMOUNT_USD, true);
    string(out, v, AvroSpans.REASON);
    string(out, v, AvroSpans.REFERENCE);
    decimal128(out, v, AvroSpans.COST_USD);
    string(out, v, AvroSpans.PRICE_SOURCE);
    price(out, v);
    out.uint32(Math.floorDiv(s.number(AvroSpans.PRICED_AT), 1000));
    out.string(position.topic());
    out.uint32(position.partition());
    out.int64(position.offset());
    out.dateTime("inserted_at", insertedAt);
    optionalDecimal(out, v, AvroSpans.BASELINE_COST_USD, true);
    return true;
  }

  private boolean validTimes() {
    return inDateTimeRange(in.number(AvroSpans.OCCURRED_AT)) && inDateTimeRange(in.number(AvroSpans.PRICED_AT))
        && (!in.present(AvroSpans.PRICE_MODEL) || inDateTimeRange(in.number(AvroSpans.PRICE_EFFECTIVE_FROM)));
  }

  private static boolean inDateTimeRange(long epochMs) {
    return epochMs >= 0 && epochMs <= MAX_DATE_TIME_MS;
  }

  private void price(RowBinary out, byte[] v) {
    if (!in.present(AvroSpans.PRICE_MODEL)) {
      out.ascii(v, 0, 0);
      for (int column = 0; column < 6; column++) {
        out.uint8(NULL);
      }
      return;
    }
    string(out, v, AvroSpans.PRICE_MODEL);
    out.uint8(NOT_NULL);
    out.uint32(Math.floorDiv(in.number(AvroSpans.PRICE_EFFECTIVE_FROM), 1000));
    optionalDecimal(out, v, AvroSpans.PRICE_INPUT, true);
    optionalDecimal(out, v, AvroSpans.PRICE_OUTPUT, true);
    optionalDecimal(out, v, AvroSpans.PRICE_CACHED_INPUT, true);
    optionalDecimal(out, v, AvroSpans.PRICE_PER_AUDIO_MINUTE, true);
    optionalDecimal(out, v, AvroSpans.PRICE_BATCH_DISCOUNT, true);
  }

  /** Keys sorted as the decoded path's TreeMap sorts them; for ASCII, byte order is String order. */
  private void attributes(RowBinary out, byte[] v) {
    int[] order = in.attributesByKey();
    out.arraySize(order.length);
    for (int entry : order) {
      out.ascii(v, in.attributeKeyStart(entry), in.attributeKeyLength(entry));
    }
    out.arraySize(order.length);
    for (int entry : order) {
      out.ascii(v, in.attributeValueStart(entry), in.attributeValueLength(entry));
    }
  }

  /** An absent optional string is '', as {@link UsageRowEncoder} writes it. */
  private void string(RowBinary out, byte[] v, int field) {
    if (in.present(field)) {
      out.ascii(v, in.start(field), in.length(field));
    } else {
      out.ascii(v, 0, 0);
    }
  }

  private void optionalLong(RowBinary out, int field) {
    if (in.present(field)) {
      out.uint8(NOT_NULL);
      out.int64(in.number(field));
    } else {
      out.uint8(NULL);
    }
  }

  private void optionalDecimal(RowBinary out, byte[] v, int field, boolean wide) {
    if (!in.present(field)) {
      out.uint8(NULL);
      return;
    }
    out.uint8(NOT_NULL);
    if (wide) {
      decimal128(out, v, field);
    } else {
      out.int64(unscaled(v, field));
    }
  }

  private void decimal128(RowBinary out, byte[] v, int field) {
    long unscaled = unscaled(v, field);
    out.int64(unscaled);
    out.int64(unscaled < 0 ? -1L : 0L);
  }

  /** The big-endian two's-complement bytes Avro keeps a decimal's unscaled value in, as a long. */
  private long unscaled(byte[] v, int field) {
    int start = in.start(field);
    long value = v[start];
    for (int i = 1; i < in.length(field); i++) {
      value = (value << 8) | (v[start + i] & 0xFF);
    }
    return value;
  }

  private static boolean startsWithHeader(byte[] value) {
    if (value.length < HEADER.length) {
      return false;
    }
    for (int i = 0; i < HEADER.length; i++) {
      if (value[i] != HEADER[i]) {
        return false;
      }
    }
    return true;
  }
}
