package dev.tollgate.processor.budget.internal;

/** Parts of state-store keys. Built for every event, so without {@code String.format}. */
final class StoreKeys {
  private static final int WIDTH = 13;

  private StoreKeys() {}

  /** A non-negative epoch-millisecond instant, zero-padded so that keys sort by time. */
  static String time(long epochMs) {
    String digits = Long.toString(epochMs);
    if (epochMs < 0 || digits.length() >= WIDTH) {
      return epochMs < 0 ? String.format("%013d", epochMs) : digits;
    }
    return "0".repeat(WIDTH - digits.length()) + digits;
  }
}
