package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.UsageEventCodec;

/**
 * Remembers the raw value the event in flight was decoded from, so that the priced sink copies the
 * event's Avro bytes instead of encoding the event again (a priced record begins with its event).
 * One slot per stream thread is enough: a record goes from validation to the sink within one call on
 * one thread, and the slot answers only for the very instance it was given, which nothing modifies.
 */
final class DecodedFrom {
  private static final ThreadLocal<DecodedFrom> SLOT = ThreadLocal.withInitial(DecodedFrom::new);

  private UsageEvent event;
  private byte[] value;

  private DecodedFrom() {}

  /** Called with an accepted event and its raw value; only values in the current schema can be copied. */
  static void remember(UsageEvent event, byte[] value) {
    DecodedFrom slot = SLOT.get();
    boolean copyable = UsageEventCodec.isCurrentAvro(value);
    slot.event = copyable ? event : null;
    slot.value = copyable ? value : null;
  }

  /** The raw value {@code event} was decoded from, header included, or null when it must be encoded. */
  static byte[] valueOf(UsageEvent event) {
    DecodedFrom slot = SLOT.get();
    return slot.event == event ? slot.value : null;
  }
}
