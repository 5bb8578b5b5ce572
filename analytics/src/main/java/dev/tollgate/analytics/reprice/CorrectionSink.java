package dev.tollgate.analytics.reprice;

import dev.tollgate.schemas.avro.CostCorrection;

/** Where the corrections of budget spend go: {@code tollgate.usage.corrections} in production. */
public interface CorrectionSink {
  /** Queues one correction; it may be sent later. */
  void send(CostCorrection correction);

  /** Returns once every correction queued so far is acknowledged; throws if any could not be sent. */
  void flush();
}
