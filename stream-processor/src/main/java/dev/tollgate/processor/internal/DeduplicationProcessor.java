package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the first copy of each {@code event_id} through and drops the others seen within the
 * horizon. The horizon runs in processing time from the first sighting: producer retries happen
 * near publish time whatever {@code occurred_at} says, and a late or back-filled copy must still
 * be caught. A sighting is not renewed by its duplicates, so an id seen again after the horizon
 * passes once more.
 */
public final class DeduplicationProcessor implements Processor<String, UsageEvent, String, UsageEvent> {
  public static final String METRIC_SCOPE = "tollgate-dedup";
  public static final String METRIC_OPERATION = "duplicates-dropped";
  private static final Logger LOG = LoggerFactory.getLogger(DeduplicationProcessor.class);

  private final String storeName;
  private final long horizonMs;
  private ProcessorContext<String, UsageEvent> context;
  private WindowStore<String, Long> firstSeen;
  private Sensor duplicates;

  private DeduplicationProcessor(String storeName, Duration horizon) {
    this.storeName = storeName;
    this.horizonMs = horizon.toMillis();
  }

  /** The processor with its changelogged store of first sightings, kept for the horizon. */
  public static ProcessorSupplier<String, UsageEvent, String, UsageEvent> supplier(String storeName, Duration horizon) {
    StoreBuilder<WindowStore<String, Long>> store = Stores.windowStoreBuilder(
        Stores.persistentWindowStore(storeName, horizon, horizon, false), Serdes.String(), Serdes.Long())
        .withLoggingEnabled(DedupChangelog.topicConfig());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, UsageEvent, String, UsageEvent> get() {
        return new DeduplicationProcessor(storeName, horizon);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, UsageEvent> context) {
    this.context = context;
    this.firstSeen = context.getStateStore(storeName);
    this.duplicates = context.metrics().addRateTotalSensor(METRIC_SCOPE, "task-" + context.taskId(),
        METRIC_OPERATION, Sensor.RecordingLevel.INFO);
  }

  @Override
  public void process(Record<String, UsageEvent> record) {
    String eventId = record.value().getEventId();
    long now = context.currentSystemTimeMs();
    if (seenWithinHorizon(eventId, now)) {
      duplicates.record();
      LOG.debug("dropped duplicate of event {}", eventId);
      return;
    }
    firstSeen.put(eventId, now, now);
    context.forward(record);
  }

  private boolean seenWithinHorizon(String eventId, long now) {
    try (WindowStoreIterator<Long> sightings = firstSeen.fetch(eventId, Math.max(0, now - horizonMs), now)) {
      return sightings.hasNext();
    }
  }

  @Override
  public void close() {
    if (duplicates != null) {
      context.metrics().removeSensor(duplicates);
    }
  }
}
