package dev.tollgate.alerting.dispatch;

import dev.tollgate.schemas.avro.AlertDeadLetter;

/** Where undeliverable alerts are parked. */
public interface DeadLetters {

  /** Writes {@code record} durably, or throws; called from delivery threads. */
  void park(String key, AlertDeadLetter record);
}
