package dev.tollgate.analytics.reprice;

import dev.tollgate.schemas.avro.CostCorrection;
import java.util.ArrayList;
import java.util.List;

/** Keeps the corrections sent; it can lose the broker, or die with the process, before they are acknowledged. */
final class RecordingSink implements CorrectionSink {
  enum Flush { ACKNOWLEDGED, BROKER_GONE, PROCESS_KILLED }

  final List<CostCorrection> sent = new ArrayList<>();
  private final Flush flush;

  RecordingSink() {
    this(Flush.ACKNOWLEDGED);
  }

  RecordingSink(Flush flush) {
    this.flush = flush;
  }

  @Override
  public void send(CostCorrection correction) {
    sent.add(correction);
  }

  @Override
  public void flush() {
    switch (flush) {
      case ACKNOWLEDGED -> { }
      case BROKER_GONE -> throw new IllegalStateException("the broker went away");
      // An Error is not caught by the run, so it records nothing, as when the process is killed.
      case PROCESS_KILLED -> throw new AssertionError("killed");
    }
  }
}
