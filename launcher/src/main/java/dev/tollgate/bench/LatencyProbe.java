package dev.tollgate.bench;

import dev.tollgate.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads as a downstream consumer would (read_committed) and records, for each event of one run, the
 * time from its {@code occurred_at} (the benchmark publishes every event at the instant it occurs) to
 * the moment its priced record was readable. Keys are the run's event ids, which start with the
 * run's prefix; the record timestamp is {@code occurred_at}. Values are not decoded.
 */
final class LatencyProbe implements Runnable {
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final byte[] runPrefix;
  private final int[] latencyMs;
  private final AtomicInteger seen = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);

  LatencyProbe(String bootstrap, String runPrefix, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.runPrefix = runPrefix.getBytes(StandardCharsets.UTF_8);
    this.latencyMs = new int[expected];
    List<TopicPartition> partitions = consumer.partitionsFor(Topics.USAGE_PRICED.name()).stream()
        .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
  }

  @Override
  public void run() {
    try {
      while (running.get() && seen.get() < latencyMs.length) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          long now = System.currentTimeMillis();
          int i = seen.get();
          if (ofThisRun(r.key()) && i < latencyMs.length) {
            latencyMs[i] = (int) Math.max(0, now - r.timestamp());
            seen.incrementAndGet();
          }
        }
      }
    } finally {
      consumer.close();
    }
  }

  private boolean ofThisRun(byte[] eventId) {
    return eventId != null && eventId.length >= runPrefix.length
        && Arrays.equals(eventId, 0, runPrefix.length, runPrefix, 0, runPrefix.length);
  }

  int seen() {
    return seen.get();
  }

  void stop() {
    running.set(false);
  }

  /** Latency percentiles in ms of what was seen; p is in (0, 100]. */
  int[] percentiles(double... ps) {
    int n = seen.get();
    int[] sorted = Arrays.copyOf(latencyMs, n);
    Arrays.sort(sorted);
    int[] out = new int[ps.length];
    for (int k = 0; k < ps.length; k++) {
      out[k] = n == 0 ? -1 : sorted[Math.min(n - 1, (int) Math.ceil(ps[k] / 100 * n) - 1)];
    }
    return out;
  }
}
