package dev.tollgate.analytics.writer.internal;

import java.util.Arrays;

/**
 * Where each field of a {@code PricedUsageEvent} in the current schema lies in its Avro binary form:
 * strings and decimals as spans of the array, numbers and flags decoded. Refuses with
 * {@link NotCopyable} whatever {@link PricedRowTranscoder} could not copy exactly, including any
 * value that is not well-formed Avro.
 */
final class AvroSpans {
  static final int EVENT_ID = 0;
  static final int TENANT_ID = 1;
  static final int TEAM_ID = 2;
  static final int USER_ID = 3;
  static final int FEATURE = 4;
  static final int PROVIDER = 5;
  static final int MODEL = 6;
  static final int OPERATION = 7;
  static final int STATUS = 8;
  static final int REQUEST_ID = 9;
  static final int PROMPT_HASH = 10;
  static final int BASELINE_MODEL = 11;
  static final int REASON = 12;
  static final int REFERENCE = 13;
  static final int PRICE_SOURCE = 14;
  static final int PRICE_MODEL = 15;
  static final int AUDIO_SECONDS = 16;
  static final int AMOUNT_USD = 17;
  static final int COST_USD = 18;
  static final int PRICE_INPUT = 19;
  static final int PRICE_OUTPUT = 20;
  static final int PRICE_CACHED_INPUT = 21;
  static final int PRICE_PER_AUDIO_MINUTE = 22;
  static final int PRICE_BATCH_DISCOUNT = 23;
  static final int BASELINE_COST_USD = 24;
  static final int OCCURRED_AT = 25;
  static final int INPUT_TOKENS = 26;
  static final int OUTPUT_TOKENS = 27;
  static final int CACHED_INPUT_TOKENS = 28;
  static final int BATCH = 29;
  static final int ESTIMATED = 30;
  static final int LATENCY_MS = 31;
  static final int BASELINE_INPUT_TOKENS = 32;
  static final int BASELINE_OUTPUT_TOKENS = 33;
  static final int PRICED_AT = 34;
  static final int PRICE_EFFECTIVE_FROM = 35;
  private static final int FIELDS = 36;
  /** Up to 7 bytes the unscaled value is below 2^55, within Decimal(18, s) and Decimal(38, s). */
  private static final int MAX_DECIMAL_BYTES = 7;

  private final int[] start = new int[FIELDS];
  private final int[] length = new int[FIELDS];
  private final long[] number = new long[FIELDS];
  private final boolean[] present = new boolean[FIELDS];
  private int[] attributes = new int[16];
  private int attributeCount;
  private int[] byKey = new int[0];
  private byte[] v;
  private int pos;

  /** Thrown without a stack trace: it only sends a record down the decoding path. */
  static final class NotCopyable extends RuntimeException {
    private static final NotCopyable INSTANCE = new NotCopyable();

    private NotCopyable() {
      super("not copyable", null, false, false);
    }
  }

  void parse(byte[] value, int from) {
    v = value;
    pos = from;
    Arrays.fill(present, false);
    attributeCount = 0;
    event();
    decimal(COST_USD);
    string(PRICE_SOURCE);
    if (union()) {
      priceEntry(true);
    }
    readNumber(PRICED_AT);
    optionalDecimal(BASELINE_COST_USD);
    if (union()) {
      priceEntry(false);
    }
    // The decoder ignores bytes after the record; those are not ours to guess at.
    check(pos == v.length);
    sortAttributes();
  }

  boolean present(int field) {
    return present[field];
  }

  int start(int field) {
    return start[field];
  }

  int length(int field) {
    return length[field];
  }

  long number(int field) {
    return number[field];
  }

  /** The attribute entries in key order, for {@link #attributeKeyStart} and the others. */
  int[] attributesByKey() {
    return byKey;
  }

  int attributeKeyStart(int entry) {
    return attributes[entry * 4];
  }

  int attributeKeyLength(int entry) {
    return attributes[entry * 4 + 1];
  }

  int attributeValueStart(int entry) {
    return attributes[entry * 4 + 2];
  }

  int attributeValueLength(int entry) {
    return attributes[entry * 4 + 3];
  }

  private void event() {
    string(EVENT_ID);
    readNumber(OCCURRED_AT);
    string(TENANT_ID);
    optionalString(TEAM_ID);
    string(USER_ID);
    string(FEATURE);
    string(PROVIDER);
    string(MODEL);
    readNumber(INPUT_TOKENS);
    readNumber(OUTPUT_TOKENS);
    readNumber(CACHED_INPUT_TOKENS);
    optionalDecimal(AUDIO_SECONDS);
    optionalString(OPERATION);
    bool(BATCH);
    bool(ESTIMATED);
    optionalString(STATUS);
    optionalNumber(LATENCY_MS);
    optionalString(REQUEST_ID);
    optionalString(PROMPT_HASH);
    attributes();
    optionalString(BASELINE_MODEL);
    optionalNumber(BASELINE_INPUT_TOKENS);
    optionalNumber(BASELINE_OUTPUT_TOKENS);
    optionalDecimal(AMOUNT_USD);
    optionalString(REASON);
    optionalString(REFERENCE);
  }

  /** The price entry used, kept; or the baseline's, which has no column and is only read past. */
  private void priceEntry(boolean kept) {
    skipBytes();
    if (kept) {
      string(PRICE_MODEL);
      readNumber(PRICE_EFFECTIVE_FROM);
      decimal(PRICE_INPUT);
      decimal(PRICE_OUTPUT);
      optionalDecimal(PRICE_CACHED_INPUT);
      optionalDecimal(PRICE_PER_AUDIO_MINUTE);
      optionalDecimal(PRICE_BATCH_DISCOUNT);
    } else {
      skipBytes();
      varLong();
      skipBytes();
      skipBytes();
      for (int optionalDecimal = 0; optionalDecimal < 3; optionalDecimal++) {
        if (union()) {
          skipBytes();
        }
      }
    }
    for (int optionalString = 0; optionalString < 2; optionalString++) {
      if (union()) {
        skipBytes();
      }
    }
  }

  private void attributes() {
    long count = varLong();
    while (count != 0) {
      // A negative count announces a block's byte size, which Avro's own encoder never writes.
      check(count > 0 && count <= v.length);
      for (long i = 0; i < count; i++) {
        if (attributes.length < (attributeCount + 1) * 4) {
          attributes = Arrays.copyOf(attributes, attributes.length * 2);
        }
        int at = attributeCount * 4;
        attributes[at] = asciiSpan();
        attributes[at + 1] = pos - attributes[at];
        attributes[at + 2] = asciiSpan();
        attributes[at + 3] = pos - attributes[at + 2];
        attributeCount++;
      }
      count = varLong();
    }
  }

  /** Insertion sort: events carry a handful of attributes. Equal keys, which a map decodes to one, are refused. */
  private void sortAttributes() {
    if (byKey.length != attributeCount) {
      byKey = new int[attributeCount];
    }
    for (int i = 0; i < attributeCount; i++) {
      int entry = i;
      int j = i - 1;
      while (j >= 0 && compareKeys(byKey[j], entry) > 0) {
        byKey[j + 1] = byKey[j];
        j--;
      }
      check(j < 0 || compareKeys(byKey[j], entry) != 0);
      byKey[j + 1] = entry;
    }
  }

  private int compareKeys(int a, int b) {
    return Arrays.compare(v, attributeKeyStart(a), attributeKeyStart(a) + attributeKeyLength(a),
        v, attributeKeyStart(b), attributeKeyStart(b) + attributeKeyLength(b));
  }

  private void string(int field) {
    start[field] = asciiSpan();
    length[field] = pos - start[field];
    present[field] = true;
  }

  private void optionalString(int field) {
    if (union()) {
      string(field);
    }
  }

  private void decimal(int field) {
    int n = lengthPrefix();
    check(n >= 1 && n <= MAX_DECIMAL_BYTES);
    start[field] = pos;
    length[field] = n;
    present[field] = true;
    pos += n;
  }

  private void optionalDecimal(int field) {
    if (union()) {
      decimal(field);
    }
  }

  private void readNumber(int field) {
    number[field] = varLong();
    present[field] = true;
  }

  private void optionalNumber(int field) {
    if (union()) {
      readNumber(field);
    }
  }

  private void bool(int field) {
    check(pos < v.length);
    int b = v[pos++];
    check(b == 0 || b == 1);
    number[field] = b;
    present[field] = true;
  }

  /** A two-branch union with null first: false for null, true when a value follows. */
  private boolean union() {
    long branch = varLong();
    check(branch == 0 || branch == 1);
    return branch == 1;
  }

  /** The start of a string that is plain ASCII, whose UTF-8 bytes every decoder reads alike. */
  private int asciiSpan() {
    int n = lengthPrefix();
    int from = pos;
    for (int i = from; i < from + n; i++) {
      check(v[i] >= 0);
    }
    pos += n;
    return from;
  }

  private void skipBytes() {
    int n = lengthPrefix();
    pos += n;
  }

  private int lengthPrefix() {
    long n = varLong();
    check(n >= 0 && n <= v.length - pos);
    return (int) n;
  }

  /** Avro's zig-zag variable-length long. */
  private long varLong() {
    long raw = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      check(pos < v.length);
      int b = v[pos++];
      raw |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return (raw >>> 1) ^ -(raw & 1);
      }
    }
    throw NotCopyable.INSTANCE;
  }

  private static void check(boolean condition) {
    if (!condition) {
      throw NotCopyable.INSTANCE;
    }
  }
}
