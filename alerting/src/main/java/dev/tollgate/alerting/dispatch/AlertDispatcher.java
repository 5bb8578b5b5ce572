package dev.tollgate.alerting.dispatch;

import dev.tollgate.alerting.AlertingConfig;
import dev.tollgate.alerting.channel.Channel;
import dev.tollgate.alerting.dispatch.internal.KafkaDeadLetters;
import dev.tollgate.alerting.dispatch.internal.KafkaIncidentStore;
import dev.tollgate.alerting.dispatch.internal.OwnTopics;
import dev.tollgate.alerting.metrics.AlertingMetrics;
import dev.tollgate.alerting.routes.Routes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the alerts topic and hands each record to a {@link DeliveryEngine}; commits each partition's
 * offset as soon as the engine moves it, pauses a partition whose backlog grows while its first alert
 * cannot be delivered, and on {@link #stop()} lets running attempts finish, sends the digests held and
 * commits synchronously, so that a clean restart sends nothing twice.
 */
public final class AlertDispatcher {
  private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  private static final int SENDERS = 8;
  private static final int MAX_BACKLOG = 1_000;

  private final AlertingConfig config;
  private final Routes routes;
  private final Map<String, Channel> channels;
  private final AlertingMetrics metrics;
  private final Clock clock;
  private final Set<TopicPartition> paused = new HashSet<>();
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, byte[]> consumer;
  private DeliveryEngine engine;

  public AlertDispatcher(AlertingConfig config, Routes routes, Map<String, Channel> channels, AlertingMetrics metrics,
      Clock clock) {
    this.config = config;
    this.routes = routes;
    this.channels = channels;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Delivers until {@link #stop()}; then finishes as described above and returns. */
  public void run() {
    OwnTopics.ensure(config.kafkaBootstrap(), config.deadLetterTopic(), config.incidentsTopic());
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS, daemonThreads());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config.producerProperties(),
        new ByteArraySerializer(), new ByteArraySerializer());
         KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config.consumerProperties(), new StringDeserializer(),
             new ByteArrayDeserializer())) {
      KafkaIncidentStore incidents = new KafkaIncidentStore(config.kafkaBootstrap(), config.incidentsTopic(), producer);
      engine = new DeliveryEngine(routes, channels, config.delivery(), new DeliveryEngine.Sinks(
          new KafkaDeadLetters(producer, config.deadLetterTopic()), incidents, config.incidentsTopic()),
          metrics, senders, new SplittableRandom());
      engine.loadIncidents(incidents.load());
      consumer = c;
      c.subscribe(List.of(config.alertsTopic()), new Rebalance(c, () -> engine, clock, STOP_GRACE));
      log.info("delivering {} as group {} to {} channels; {} open incidents to resolve", config.alertsTopic(),
          config.groupId(), channels.size(), engine.openIncidents());
      loop(c);
      finish(c);
    } finally {
      senders.shutdownNow();
    }
  }

  /** Asks {@link #run()} to finish; safe from any thread. */
  public void stop() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  private void loop(KafkaConsumer<String, byte[]> c) {
    try {
      while (running) {
        c.poll(POLL).forEach(engine::accept);
        trackPositions(c);
        engine.step(clock.instant());
        commitAsync(c, engine.commitsDue());
        applyBackpressure(c);
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    }
  }

  private void trackPositions(KafkaConsumer<String, byte[]> c) {
    for (TopicPartition partition : c.assignment()) {
      try {
        engine.readUpTo(partition, c.position(partition, Duration.ZERO));
      } catch (TimeoutException notKnownYet) {
        // Known after the partition's first fetch.
      }
    }
  }

  private void commitAsync(KafkaConsumer<String, byte[]> c, Map<TopicPartition, OffsetAndMetadata> offsets) {
    if (offsets.isEmpty()) {
      return;
    }
    c.commitAsync(offsets, (committed, error) -> {
      if (error != null) {
        log.warn("offset commit failed, retried with the next one: {}", error.getMessage());
        engine.commitFailed(offsets.keySet());
      }
    });
  }

  private void applyBackpressure(KafkaConsumer<String, byte[]> c) {
    for (TopicPartition partition : c.assignment()) {
      int backlog = engine.backlog(partition);
      if (backlog >= MAX_BACKLOG && paused.add(partition)) {
        c.pause(List.of(partition));
      } else if (backlog < MAX_BACKLOG / 2 && paused.remove(partition)) {
        c.resume(List.of(partition));
      }
    }
    paused.retainAll(c.assignment());
  }

  private void finish(KafkaConsumer<String, byte[]> c) {
    c.pause(c.assignment());
    engine.beginDrain();
    Instant deadline = clock.instant().plus(STOP_GRACE);
    try {
      do {
        engine.step(clock.instant());
      } while (!engine.jobs().awaitIdle(Duration.ofMillis(50)) && clock.instant().isBefore(deadline));
      engine.step(clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (engine.busy()) {
      log.warn("stopping with deliveries still running; their alerts are delivered again after the restart");
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = engine.commitPoints(c.assignment());
    for (int attempt = 1; attempt <= 2; attempt++) {
      try {
        c.commitSync(offsets);
        log.info("stopped; committed {}", offsets);
        return;
      } catch (WakeupException e) {
        // The wakeup of stop() was still pending; the second attempt is not woken.
      } catch (RuntimeException e) {
        log.warn("the last offset commit failed; some alerts are delivered again after the restart: {}", e.getMessage());
        return;
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return work -> {
      Thread t = new Thread(work, "alert-sender-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
