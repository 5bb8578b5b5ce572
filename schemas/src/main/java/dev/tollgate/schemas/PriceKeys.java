package dev.tollgate.schemas;

import dev.tollgate.schemas.avro.PriceEntry;
import java.time.Instant;

/**
 * Keys of the price topic: {@code provider/model/effective_from}. One key per entry, so that
 * compaction keeps every effective date and a corrected entry replaces only itself. The instant is
 * written as zero-padded epoch milliseconds so that keys of one model sort by date.
 */
public final class PriceKeys {
  /** Not allowed in provider or model names (the parsers refuse it). */
  public static final char SEP = '|';

  private PriceKeys() {}

  public static String of(PriceEntry entry) {
    return of(entry.getProvider(), entry.getModel(), entry.getEffectiveFrom());
  }

  public static String of(String provider, String model, Instant effectiveFrom) {
    return modelPrefix(provider, model) + String.format("%015d", effectiveFrom.toEpochMilli());
  }

  /** The prefix shared by every entry of one model. */
  public static String modelPrefix(String provider, String model) {
    return providerPrefix(provider) + model + SEP;
  }

  /** The prefix shared by every entry of one provider. */
  public static String providerPrefix(String provider) {
    return provider + SEP;
  }
}
