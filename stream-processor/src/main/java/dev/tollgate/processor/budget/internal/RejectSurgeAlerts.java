package dev.tollgate.processor.budget.internal;

import dev.tollgate.processor.budget.RejectSurgeSettings;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.RejectedEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Raises an ops alert when rejected events surge: at least the threshold within the window, counted
 * by the time they were rejected. All rejections reach one task, which counts them per second and
 * per offending field. A surge is one episode, alerted once; it ends when the count falls under half
 * the threshold, so a rate hovering at the threshold does not page on every flip.
 */
public final class RejectSurgeAlerts implements Processor<String, RejectedEvent, String, Alert> {
  public static final String KEY = "all";
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
  private static final String EPISODE = "episode";
  private static final long SECOND_MS = 1000;

  /** The names of the processor's stores. */
  public record StoreNames(String counts, String episode) {}

  private final StoreNames names;
  private final RejectSurgeSettings settings;
  private final Map<String, String> lastReasonByField = new HashMap<>();
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<Long, Map<String, Long>> counts;
  private KeyValueStore<String, Long> episode;

  private RejectSurgeAlerts(StoreNames names, RejectSurgeSettings settings) {
    this.names = names;
    this.settings = settings;
  }

  public static ProcessorSupplier<String, RejectedEvent, String, Alert> supplier(StoreNames names, RejectSurgeSettings settings) {
    Set<StoreBuilder<?>> stores = Set.of(
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.counts()), Serdes.Long(), FieldCounts.serde()),
        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(names.episode()), Serdes.String(), Serdes.Long()));
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, RejectedEvent, String, Alert> get() {
        return new RejectSurgeAlerts(names, settings);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return stores;
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.counts = context.getStateStore(names.counts());
    this.episode = context.getStateStore(names.episode());
    context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::check);
  }

  @Override
  public void process(Record<String, RejectedEvent> record) {
    long second = Math.floorDiv(context.currentSystemTimeMs(), SECOND_MS) * SECOND_MS;
    String field = record.value() == null ? "_record" : record.value().getField();
    Map<String, Long> current = counts.get(second);
    Map<String, Long> next = current == null ? new HashMap<>() : new HashMap<>(current);
    next.merge(field, 1L, Long::sum);
    counts.put(second, next);
    if (record.value() != null) {
      lastReasonByField.put(field, record.value().getReason());
    }
  }

  private void check(long now) {
    long from = Math.floorDiv(now, SECOND_MS) * SECOND_MS - settings.window().toMillis() + SECOND_MS;
    forgetBefore(from);
    Map<String, Long> byField = new HashMap<>();
    try (KeyValueIterator<Long, Map<String, Long>> range = counts.range(from, now)) {
      range.forEachRemaining(entry -> entry.value.forEach((field, n) -> byField.merge(field, n, Long::sum)));
    }
    long total = byField.values().stream().mapToLong(Long::longValue).sum();
    Long openedAt = episode.get(EPISODE);
    if (openedAt == null && total >= settings.threshold()) {
      episode.put(EPISODE, now);
      context.forward(new Record<>("ops:rejected-surge", alert(total, byField, Instant.ofEpochMilli(now)), now));
    } else if (openedAt != null && total * 2 < settings.threshold()) {
      episode.delete(EPISODE);
    }
  }

  private void forgetBefore(long from) {
    List<Long> old = new ArrayList<>();
    try (KeyValueIterator<Long, Map<String, Long>> range = counts.range(0L, from - 1)) {
      range.forEachRemaining(entry -> old.add(entry.key));
    }
    old.forEach(counts::delete);
  }

  private Alert alert(long total, Map<String, Long> byField, Instant now) {
    List<Map.Entry<String, Long>> top = byField.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3).toList();
    String fields = top.stream().map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
    String worst = top.get(0).getKey();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("rejected", Long.toString(total));
    attributes.put("window_seconds", Long.toString(settings.window().toSeconds()));
    attributes.put("threshold", Integer.toString(settings.threshold()));
    top.forEach(e -> attributes.put("field." + e.getKey(), Long.toString(e.getValue())));
    String example = lastReasonByField.getOrDefault(worst, "see tollgate.usage.rejected");
    String message = String.format("%,d usage events rejected in the last %d s (threshold %,d); their cost is not counted."
        + " Most common fields: %s. Latest reason for %s: %s", total, settings.window().toSeconds(), settings.threshold(),
        fields, worst, example);
    return Alert.newBuilder()
        .setAlertId("ops/rejected-surge/" + MINUTE.format(now))
        .setKind("ops")
        .setSeverity("critical")
        .setAttributes(attributes)
        .setTriggeredAt(now)
        .setMessage(message)
        .build();
  }
}
