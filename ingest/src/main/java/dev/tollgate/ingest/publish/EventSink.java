package dev.tollgate.ingest.publish;

import dev.tollgate.schemas.avro.UsageEvent;
import java.util.function.Consumer;

/** Where accepted events go; completion is reported asynchronously (null error = acknowledged). */
@FunctionalInterface
public interface EventSink {
  void send(UsageEvent event, Consumer<Exception> onCompletion);

  /** Returns once every event sent so far was acknowledged or failed. */
  default void flush() {}
}
