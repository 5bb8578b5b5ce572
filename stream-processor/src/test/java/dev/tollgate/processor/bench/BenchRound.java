package dev.tollgate.processor.bench;

import dev.tollgate.schemas.Topics;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * One pass of the topology over every raw event: from start until the application's committed
 * offsets reach the end of the raw topic, which under exactly-once means every priced record of
 * the pass is committed. The priced records are counted afterwards, outside the measured span.
 */
final class BenchRound {
  private static final Duration TIMEOUT = Duration.ofMinutes(10);
  private final Admin admin;
  private final String bootstrap;
  private final int events;
  private final long expectedPriced;

  record Settings(Supplier<KafkaStreams> streams) {}

  record Result(double threadCpuUsPerEvent, double processCpuUsPerEvent, double eventsPerSecond, long outputRecords) {
    @Override
    public String toString() {
      return String.format("stream threads %.2f µs/event, process %.2f µs/event, %.0f events/s, %d priced",
          threadCpuUsPerEvent, processCpuUsPerEvent, eventsPerSecond, outputRecords);
    }

    static String summary(String variant, List<Result> results) {
      return String.format("%-12s stream threads min %.2f median %.2f µs/event | process min %.2f median %.2f µs/event",
          variant, min(results, Result::threadCpuUsPerEvent), median(results, Result::threadCpuUsPerEvent),
          min(results, Result::processCpuUsPerEvent), median(results, Result::processCpuUsPerEvent));
    }

    private static double min(List<Result> results, java.util.function.ToDoubleFunction<Result> f) {
      return results.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> f) {
      double[] sorted = results.stream().mapToDouble(f).sorted().toArray();
      return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
  }

  BenchRound(Admin admin, String bootstrap, int events, long expectedPriced) {
    this.admin = admin;
    this.bootstrap = bootstrap;
    this.events = events;
    this.expectedPriced = expectedPriced;
  }

  Result run(String appId, Settings settings) throws Exception {
    Map<TopicPartition, Long> rawEnd = endOffsets(Topics.USAGE_RAW.name());
    Map<TopicPartition, Long> pricedStart = endOffsets(Topics.USAGE_PRICED.name());
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    System.gc();
    long processCpuBefore = os.getProcessCpuTime();
    long wallBefore = System.nanoTime();
    KafkaStreams streams = settings.streams().get();
    long threadCpu;
    long processCpu;
    long wall;
    try {
      streams.start();
      awaitCommitted(appId, rawEnd);
      threadCpu = clientThreadCpu(threads, appId);
      processCpu = os.getProcessCpuTime() - processCpuBefore;
      wall = System.nanoTime() - wallBefore;
    } finally {
      streams.close(Duration.ofSeconds(30));
    }
    long priced = countPriced(pricedStart);
    return new Result(threadCpu / 1e3 / events, processCpu / 1e3 / events, events / (wall / 1e9), priced);
  }

  private void awaitCommitted(String appId, Map<TopicPartition, Long> rawEnd) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(appId).partitionsToOffsetAndMetadata().get();
      boolean done = rawEnd.entrySet().stream().allMatch(e -> {
        OffsetAndMetadata offset = committed.get(e.getKey());
        return offset != null && offset.offset() >= e.getValue();
      });
      if (done) {
        return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(appId + " did not commit the raw topic within " + TIMEOUT);
  }

  private static long clientThreadCpu(ThreadMXBean threads, String appId) {
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains(appId)) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        total += Math.max(cpu, 0);
      }
    }
    return total;
  }

  private long countPriced(Map<TopicPartition, Long> start) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    try (KafkaConsumer<byte[], byte[]> consumer =
             new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(start.keySet());
      start.forEach(consumer::seek);
      Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
      long count = 0;
      while (start.keySet().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        count += consumer.poll(Duration.ofMillis(500)).count();
      }
      if (count != expectedPriced) {
        throw new IllegalStateException("expected " + expectedPriced + " priced records, got " + count);
      }
      return count;
    }
  }

  private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
    Map<TopicPartition, OffsetSpec> request = IntStream.range(0, BenchLoad.PARTITIONS).boxed()
        .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
    return admin.listOffsets(request).all().get().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }
}
