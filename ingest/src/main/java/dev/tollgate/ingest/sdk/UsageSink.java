package dev.tollgate.ingest.sdk;

import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Where a recorder's events go: the raw usage topic by default, or any other sink given to
 * {@link TollgateRecorder#withSink}. Called from the recorder's own thread only.
 */
public interface UsageSink {

  /** Sends one valid event; {@code onCompletion} is told null once it is acknowledged, or the error. */
  void send(UsageEvent event, Consumer<Exception> onCompletion);

  /** Sends what is pending, waiting at most {@code timeout}, and releases the sink. */
  default void close(Duration timeout) {}
}
