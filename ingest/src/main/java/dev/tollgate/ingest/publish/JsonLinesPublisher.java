package dev.tollgate.ingest.publish;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.json.UsageEventJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Checks each line of a JSON-lines file against the usage-event contract and sends the valid
 * ones. A bad line is reported with its number, field and reason and never stops the rest.
 * Blank lines are skipped.
 */
public final class JsonLinesPublisher {
  private static final int PROGRESS_EVERY_LINES = 100_000;
  private final EventSink sink;
  private final Clock clock;

  public JsonLinesPublisher(EventSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /** @param progress told the number of lines read so far, every {@value #PROGRESS_EVERY_LINES} lines */
  public PublishReport publish(BufferedReader lines, LongConsumer progress) throws IOException {
    List<LineRejection> rejected = new ArrayList<>();
    AtomicLong acknowledged = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    long lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (lineNumber % PROGRESS_EVERY_LINES == 0) {
        progress.accept(lineNumber);
      }
      if (line.isBlank()) {
        continue;
      }
      ParseResult<UsageEvent> parsed = UsageEventJson.parse(line, clock.instant());
      if (parsed instanceof ParseResult.Invalid<UsageEvent> invalid) {
        rejected.add(new LineRejection(lineNumber, invalid.violation()));
        continue;
      }
      sink.send(((ParseResult.Ok<UsageEvent>) parsed).value(), error -> {
        if (error == null) {
          acknowledged.incrementAndGet();
        } else {
          failed.incrementAndGet();
          firstFailure.compareAndSet(null, error.toString());
        }
      });
    }
    sink.flush();
    return new PublishReport(acknowledged.get(), rejected, failed.get(), firstFailure.get());
  }
}
