package dev.tollgate.analytics.writer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/** A topic and a database of their own for one integration test, with the writer running against them. */
final class WriterFixture implements AutoCloseable {
  final String topic = "tollgate.it.priced." + UUID.randomUUID();
  final String database = "tollgate_it_" + UUID.randomUUID().toString().replace("-", "");
  final String group = "tollgate-it-writer-" + UUID.randomUUID();
  final ClickHouseHttp clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
  private final String bootstrap = TestStack.kafka().bootstrapServers();
  private final int partitions;
  private final KafkaProducer<String, PricedUsageEvent> producer;
  private final List<Thread> writerThreads = new ArrayList<>();
  private final List<ClickHouseWriter> writers = new ArrayList<>();

  WriterFixture(int partitions) throws Exception {
    this.partitions = partitions;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      // Records may carry occurred_at as timestamp, months back: time retention would delete them at its next check.
      NewTopic forever = new NewTopic(topic, partitions, (short) 1).configs(Map.of("retention.ms", "-1"));
      admin.createTopics(List.of(forever)).all().get();
    }
    Schema.apply(clickHouse, database);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    producer = new KafkaProducer<>(p, new StringSerializer(), Topics.USAGE_PRICED.valueSerde().serializer());
  }

  /** The writer's settings, as the writer's own ClickHouse user, which may insert but not create tables. */
  WriterConfig config(int batchRows) {
    return new WriterConfig(bootstrap, group, topic, TestStack.clickHouse().httpUrl(), WriterConfig.DEFAULT_CLICKHOUSE_USER, "",
        database, batchRows, Duration.ofMillis(100), Duration.ofSeconds(2));
  }

  /** Sends the events in order, keyed by event_id; returns where each landed. */
  List<RecordMetadata> publish(List<PricedUsageEvent> events) throws Exception {
    List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
    for (PricedUsageEvent e : events) {
      sent.add(producer.send(new ProducerRecord<>(topic, e.getEvent().getEventId(), e)));
    }
    producer.flush();
    List<RecordMetadata> landed = new ArrayList<>();
    for (var f : sent) {
      landed.add(f.get());
    }
    return landed;
  }

  /** Sends the events as the processor does: keyed by event_id, with occurred_at as record timestamp. */
  void publishAsPriced(List<PricedUsageEvent> events) throws Exception {
    List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
    for (PricedUsageEvent e : events) {
      sent.add(producer.send(new ProducerRecord<>(topic, null, e.getEvent().getOccurredAt().toEpochMilli(),
          e.getEvent().getEventId(), e)));
    }
    producer.flush();
    for (var f : sent) {
      f.get();
    }
  }

  /** Starts a writer on its own thread; a failure of run() is kept in {@code failure}. */
  ClickHouseWriter startWriter(ClickHouseWriter writer, AtomicReference<Throwable> failure) {
    Thread t = new Thread(() -> {
      try {
        writer.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "writer-" + writers.size());
    writers.add(writer);
    writerThreads.add(t);
    t.start();
    return writer;
  }

  ClickHouseWriter startWriter(int batchRows) {
    return startWriter(new ClickHouseWriter(config(batchRows)), new AtomicReference<>());
  }

  void awaitWriterEnd(ClickHouseWriter writer) throws InterruptedException {
    writerThreads.get(writers.indexOf(writer)).join(60_000);
  }

  /**
   * Waits until the raw table and both rollups hold at least {@code events} events. An insert makes
   * its rows visible in the raw table before the views have written theirs, so counting only the
   * raw table would race with the rollups.
   */
  void awaitEvents(long events) throws InterruptedException {
    await(events + " events in usage_events and both rollups", Duration.ofSeconds(90),
        () -> rawRows() >= events && rolledUp("usage_hourly") >= events && rolledUp("usage_daily") >= events);
  }

  private long rolledUp(String table) {
    return Long.parseLong(clickHouse.query("SELECT sum(requests + adjustments) AS n FROM " + database + "." + table).get(0, "n"));
  }

  /** Waits until {@code groupId} has committed the end of every partition: it read, and wrote or skipped, everything. */
  void awaitCaughtUp(String groupId) throws InterruptedException {
    TopicOffsets offsets = offsets();
    await(groupId + " to commit the end of " + topic, Duration.ofSeconds(90),
        () -> offsets.committed(groupId).equals(offsets.end()));
  }

  TopicOffsets offsets() {
    return new TopicOffsets(bootstrap, topic, partitions);
  }

  boolean clickHouseAnswers() {
    try {
      clickHouse.query("SELECT 1 AS one");
      return true;
    } catch (ClickHouseException e) {
      return false;
    }
  }

  long rawRows() {
    return Long.parseLong(clickHouse.query("SELECT count() AS n FROM " + database + ".usage_events").get(0, "n"));
  }

  /** sum(column) per tenant of a table, as exact decimals or integers in ClickHouse's text form. */
  Map<String, String> perTenant(String table, String column) {
    Rows rows = clickHouse.query("SELECT tenant_id, toString(sum(" + column + ")) AS total FROM " + database + "." + table
        + " GROUP BY tenant_id ORDER BY tenant_id");
    Map<String, String> totals = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      totals.put(rows.get(i, "tenant_id"), rows.get(i, "total"));
    }
    return totals;
  }

  /** Asserts the raw table, read with and without FINAL, and both rollups hold each event exactly once. */
  void assertHoldsExactlyOnce(List<PricedUsageEvent> events) {
    Map<String, BigDecimal> cost = new TreeMap<>();
    Map<String, Long> inputTokens = new TreeMap<>();
    Map<String, Long> count = new TreeMap<>();
    for (PricedUsageEvent e : events) {
      cost.merge(e.getEvent().getTenantId(), e.getCostUsd(), BigDecimal::add);
      inputTokens.merge(e.getEvent().getTenantId(), e.getEvent().getInputTokens(), Long::sum);
      count.merge(e.getEvent().getTenantId(), 1L, Long::sum);
    }
    Map<String, String> expectedCost = new TreeMap<>();
    cost.forEach((tenant, total) -> expectedCost.put(tenant, total.setScale(12).toPlainString()));
    assertThat(rawRows()).isEqualTo(events.size());
    assertThat(clickHouse.query("SELECT uniqExact(event_id) AS n FROM " + database + ".usage_events").get(0, "n"))
        .isEqualTo(String.valueOf(events.size()));
    assertThat(perTenant("usage_events", "cost_usd")).isEqualTo(expectedCost);
    assertThat(perTenant("usage_events FINAL", "cost_usd")).isEqualTo(expectedCost);
    assertThat(perTenant("usage_hourly", "cost_usd")).isEqualTo(expectedCost);
    assertThat(perTenant("usage_daily", "cost_usd")).isEqualTo(expectedCost);
    assertThat(asLongs(perTenant("usage_hourly", "input_tokens"))).isEqualTo(inputTokens);
    assertThat(asLongs(perTenant("usage_daily", "requests + adjustments"))).isEqualTo(count);
    assertThat(dailyFromRaw()).isEqualTo(daily());
  }

  private Map<String, String> dailyFromRaw() {
    return keyed("SELECT concat(tenant_id, '|', team_id, '|', user_id, '|', feature, '|', model, '|', toString(toDate(occurred_at))) AS k,"
        + " concat(toString(count()), '|', toString(sum(output_tokens)), '|', toString(sum(cost_usd))) AS v"
        + " FROM " + database + ".usage_events FINAL GROUP BY k");
  }

  private Map<String, String> daily() {
    return keyed("SELECT concat(tenant_id, '|', team_id, '|', user_id, '|', feature, '|', model, '|', toString(day)) AS k,"
        + " concat(toString(sum(requests + adjustments)), '|', toString(sum(output_tokens)), '|', toString(sum(cost_usd))) AS v"
        + " FROM " + database + ".usage_daily GROUP BY k");
  }

  private Map<String, String> keyed(String sql) {
    Rows rows = clickHouse.query(sql);
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      map.put(rows.get(i, "k"), rows.get(i, "v"));
    }
    return map;
  }

  private static Map<String, Long> asLongs(Map<String, String> totals) {
    Map<String, Long> longs = new TreeMap<>();
    totals.forEach((k, v) -> longs.put(k, Long.parseLong(v)));
    return longs;
  }

  static void await(String what, Duration limit, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + limit + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  @Override
  public void close() throws Exception {
    writers.forEach(ClickHouseWriter::stop);
    for (Thread t : writerThreads) {
      t.join(30_000);
    }
    producer.close();
    clickHouse.execute("DROP DATABASE IF EXISTS " + database);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.deleteTopics(List.of(topic)).all().get();
    }
  }
}
