package dev.tollgate.alerting.dispatch;

import dev.tollgate.alerting.metrics.AlertingMetrics;
import dev.tollgate.alerting.routes.RouteFile;
import dev.tollgate.alerting.routes.Routes;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.alerting.testing.ScriptedChannel;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/**
 * A {@link DeliveryEngine} on scripted channels, run on the calling thread, with time moved by hand,
 * dead letters and open incidents kept in memory.
 */
final class EngineFixture {
  static final String TOPIC = "tollgate.alerts";
  static final Instant T0 = Instant.parse("2026-03-20T10:00:00Z");
  static final DeliverySettings SETTINGS = new DeliverySettings(Duration.ofMinutes(5), 30, Duration.ofSeconds(1),
      Duration.ofSeconds(60), Duration.ofMinutes(30));

  final Map<String, ScriptedChannel> channels = new LinkedHashMap<>();
  final List<AlertDeadLetter> deadLetters = new ArrayList<>();
  final Map<String, Alert> incidents = new LinkedHashMap<>();
  final AlertingMetrics metrics = new AlertingMetrics(new SimpleMeterRegistry());
  final DeliveryEngine engine;
  Instant now = T0;

  EngineFixture(String routesJson, DeliverySettings settings, Map<String, ScriptedChannel> scripted) {
    Routes routes = RouteFile.parse(routesJson, "routes.json", Map.of());
    routes.channels().forEach(spec -> channels.put(spec.name(),
        scripted.getOrDefault(spec.name(), new ScriptedChannel(spec))));
    IncidentStore store = new IncidentStore() {
      @Override
      public Map<String, Alert> load() {
        return Map.copyOf(incidents);
      }

      @Override
      public void open(String key, Alert alert) {
        incidents.put(key, alert);
      }

      @Override
      public void close(String key) {
        incidents.remove(key);
      }
    };
    engine = new DeliveryEngine(routes, Map.copyOf(channels), settings,
        new DeliveryEngine.Sinks((key, record) -> deadLetters.add(record), store, "tollgate.alerts.incidents"),
        metrics, Runnable::run, new SplittableRandom(3));
  }

  /** One webhook channel {@code hook} (and a second, {@code other}) taking every alert. */
  static String webhooks(String... names) {
    StringBuilder channels = new StringBuilder();
    for (String name : names) {
      channels.append(channels.isEmpty() ? "" : ",").append("{\"name\": \"").append(name)
          .append("\", \"type\": \"webhook\", \"url\": \"http://127.0.0.1:9/").append(name).append("\"}");
    }
    return "{\"channels\": [" + channels + "], \"routes\": [{\"channels\": " + List.of(names).stream()
        .map(n -> "\"" + n + "\"").toList() + "}]}";
  }

  ScriptedChannel channel(String name) {
    return channels.get(name);
  }

  /** A record of {@code alert} at {@code offset} of partition {@code partition}, written at the current time. */
  void publish(int partition, long offset, Alert alert) {
    publish(partition, offset, Alerts.bytes(alert));
  }

  void publish(int partition, long offset, byte[] value) {
    engine.accept(new ConsumerRecord<>(TOPIC, partition, offset, now.toEpochMilli(), TimestampType.CREATE_TIME, -1, -1,
        "acme-month", value, new RecordHeaders(), Optional.empty()));
  }

  void step() {
    engine.step(now);
  }

  /** Moves time on and steps. */
  void after(Duration d) {
    now = now.plus(d);
    engine.step(now);
  }

  /** Steps every second until {@code until}. */
  void runFor(Duration d) {
    Instant end = now.plus(d);
    while (now.isBefore(end)) {
      after(Duration.ofSeconds(1));
    }
  }

  OffsetAndMetadata commitOf(int partition) {
    return engine.commitPoints(List.of(new TopicPartition(TOPIC, partition))).get(new TopicPartition(TOPIC, partition));
  }

  static TopicPartition partition(int p) {
    return new TopicPartition(TOPIC, p);
  }
}
