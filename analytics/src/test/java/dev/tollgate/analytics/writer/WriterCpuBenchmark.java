package dev.tollgate.analytics.writer;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * CPU the writer costs per row, in its own JVM and in the ClickHouse server, measured from
 * {@code /proc/<pid>/stat} (user + system time) while a fresh writer moves a topic of priced events
 * into an empty database. CPU rather than wall time, because the machines it runs on are shared.
 * Each round reads the same records with a new consumer group into a new database; the first round
 * includes the JIT warming up.
 *
 * <p>Run from {@code analytics/} (arguments: rows, rounds; the writer's batch size and flush interval
 * come from {@code TOLLGATE_WRITER_BATCH_ROWS} and {@code TOLLGATE_WRITER_FLUSH_MS}):
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -cp target/test-classes:target/classes:$(cat target/bench.cp) dev.tollgate.analytics.writer.WriterCpuBenchmark 300000 3
 * </pre>
 */
public final class WriterCpuBenchmark {
  private static final long TICKS_PER_SECOND = 100;
  private static final int PARTITIONS = 3;
  private static final long IDLE_SAMPLE_MS = 3_000;

  private WriterCpuBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String bootstrap = TestStack.kafka().bootstrapServers();
    ClickHouseHttp clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    String topic = "tollgate.bench.priced." + UUID.randomUUID();
    produce(bootstrap, topic, rows);
    System.gc();
    System.out.printf("%d priced events on %s (%d partitions)%n", rows, topic, PARTITIONS);
    System.out.println("round  writer µs/row  clickhouse µs/row  kafka µs/row  rows/s (wall, noisy)  clickhouse idle before (ms CPU/s)");
    for (int round = 1; round <= rounds; round++) {
      String database = "tollgate_bench_" + UUID.randomUUID().toString().replace("-", "");
      Schema.apply(clickHouse, database);
      // Batch size and flush interval as configured for the writer (TOLLGATE_WRITER_*), the rest the test stack's.
      WriterConfig defaults = WriterConfig.fromEnv(Env.system());
      WriterConfig config = new WriterConfig(bootstrap, "tollgate-bench-" + UUID.randomUUID(), topic,
          TestStack.clickHouse().httpUrl(), "default", "", database, defaults.batchRows(), defaults.flushInterval(),
          defaults.retryMax());
      measure(round, config, rows);
      long held = Long.parseLong(clickHouse.query("SELECT count() AS n FROM " + database + ".usage_events").get(0, "n"));
      if (held != rows) {
        throw new IllegalStateException("round " + round + " wrote " + held + " rows, expected " + rows);
      }
      clickHouse.execute("DROP DATABASE " + database);
    }
    System.exit(0);
  }

  private static void measure(int round, WriterConfig config, int rows) throws Exception {
    // Background merges of earlier rounds would be billed to this one; this shows how busy the server is without us.
    long idle0 = cpuTicks(TestStack.clickHouse().pid());
    Thread.sleep(IDLE_SAMPLE_MS);
    double idleMsPerSecond = (cpuTicks(TestStack.clickHouse().pid()) - idle0) * 1000.0 / TICKS_PER_SECOND * 1000 / IDLE_SAMPLE_MS;
    ClickHouseWriter writer = new ClickHouseWriter(config);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        writer.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "bench-writer");
    long self0 = cpuTicks(ProcessHandle.current().pid());
    long ch0 = cpuTicks(TestStack.clickHouse().pid());
    long kafka0 = cpuTicks(TestStack.kafka().pid());
    long start = System.nanoTime();
    thread.start();
    while (writer.rowsWritten() < rows) {
      if (failure.get() != null) {
        throw new IllegalStateException("writer failed", failure.get());
      }
      Thread.sleep(20);
    }
    long wallNanos = System.nanoTime() - start;
    long self = cpuTicks(ProcessHandle.current().pid()) - self0;
    long ch = cpuTicks(TestStack.clickHouse().pid()) - ch0;
    long kafka = cpuTicks(TestStack.kafka().pid()) - kafka0;
    writer.stop();
    thread.join();
    System.out.printf("%5d  %13.2f  %17.2f  %12.2f  %,19d  %33.0f%n", round, micros(self, rows), micros(ch, rows),
        micros(kafka, rows), rows * 1_000_000_000L / wallNanos, idleMsPerSecond);
  }

  private static double micros(long ticks, int rows) {
    return ticks * 1_000_000.0 / TICKS_PER_SECOND / rows;
  }

  /** utime + stime of a process, in clock ticks. */
  private static long cpuTicks(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void produce(String bootstrap, String topic, int rows) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    try (KafkaProducer<String, PricedUsageEvent> producer =
        new KafkaProducer<>(p, new StringSerializer(), Topics.USAGE_PRICED.valueSerde().serializer())) {
      for (int i = 0; i < rows; i += 10_000) {
        for (PricedUsageEvent e : Workload.realistic("bench-" + i, Math.min(10_000, rows - i), i)) {
          producer.send(new ProducerRecord<>(topic, e.getEvent().getEventId(), e));
        }
      }
      producer.flush();
    }
  }
}
