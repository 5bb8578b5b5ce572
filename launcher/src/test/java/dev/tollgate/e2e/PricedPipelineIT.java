package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.analytics.writer.ClickHouseWriter;
import dev.tollgate.analytics.writer.WriterConfig;
import dev.tollgate.cli.demo.DemoWorkloadFile;
import dev.tollgate.cli.kafka.PriceCatalogTopic;
import dev.tollgate.cli.kafka.TopicSetup;
import dev.tollgate.ingest.UsageProducer;
import dev.tollgate.ingest.publish.JsonLinesPublisher;
import dev.tollgate.ingest.publish.KafkaEventSink;
import dev.tollgate.ingest.publish.PublishReport;
import dev.tollgate.processor.PriceFallback;
import dev.tollgate.processor.PricingTopology;
import dev.tollgate.processor.ProcessorConfig;
import dev.tollgate.processor.internal.DedupChangelog;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.RejectedEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.json.PriceCatalogJson;
import dev.tollgate.schemas.json.UsageEventJson;
import dev.tollgate.stack.testing.TestStack;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The priced pipeline end to end on the real broker and the real ClickHouse. */
class PricedPipelineIT {
  private static final String DATABASE = "tollgate_e2e";
  private static final Path CATALOG = Path.of("..", "deploy", "prices", "catalog.json");
  private static String bootstrap;
  private static ClickHouseHttp clickHouse;
  private static KafkaStreams processor;
  private static ClickHouseWriter writer;
  private static Thread writerThread;

  @TempDir
  static Path work;

  @BeforeAll
  static void startPipeline() throws Exception {
    bootstrap = TestStack.kafka().bootstrapServers();
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicSetup.ensure(admin, 3);
    }
    Schema.apply(clickHouse, DATABASE);
    new PriceCatalogTopic(bootstrap).publish(PriceCatalogJson.parse(Files.readString(CATALOG)).entries());
    ProcessorConfig config = new ProcessorConfig("e2e-processor", bootstrap, work.resolve("state"), 1,
        Duration.ofMillis(100), Duration.ofDays(7), PriceFallback.dearest(), "lz4");
    processor = new KafkaStreams(PricingTopology.buildTopology(config), config.streamsProperties());
    processor.start();
    writer = new ClickHouseWriter(new WriterConfig(bootstrap, "e2e-writer", Topics.USAGE_PRICED.name(),
        TestStack.clickHouse().httpUrl(), "default", "", DATABASE, 5_000, Duration.ofMillis(200), Duration.ofSeconds(5)));
    writerThread = new Thread(writer::run, "e2e-writer");
    writerThread.start();
  }

  @AfterAll
  static void stopPipeline() throws InterruptedException {
    if (writer != null) {
      writer.stop();
      writerThread.join(30_000);
    }
    if (processor != null) {
      processor.close(Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldMakeTheTenantTotalsInClickHouseEqualAnIndependentComputationOfThePublishedFile() throws Exception {
    // given a file with retries, malformed lines, unknown models and a credit note
    String run = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
    DemoWorkloadFile.Contents file = DemoWorkloadFile.write(work.resolve(run + ".jsonl"), run, 4_000, Instant.now());
    List<String> lines = Files.readAllLines(file.file());
    assertThat(file.retries()).isPositive();
    assertThat(file.unknownModel()).isPositive();

    // when it is published, and a retry arrives from a producer that keys by something else
    PublishReport report = publish(file.file());
    sendRaw(List.of(new RawRecord("other-key", firstEventOf(lines))));

    // then every malformed line was refused with its field, and everything else was sent
    assertThat(report.rejected()).hasSize((int) file.malformed());
    assertThat(report.sent()).isEqualTo(file.lines() - file.malformed());
    awaitRows(run, file.uniqueEvents());

    // and the exact per-tenant totals equal the independent computation to the last 1e-12 USD
    Map<String, BigDecimal> expected = new IndependentCosting(Files.readString(CATALOG)).costPerTenant(lines);
    assertThat(totals("SELECT tenant_id AS k, toString(sum(cost_usd)) AS usd FROM " + DATABASE
        + ".usage_events FINAL WHERE event_id LIKE '" + run + "-%' GROUP BY tenant_id")).isEqualTo(expected);
    assertThat(count("SELECT count() AS n FROM " + DATABASE + ".usage_events WHERE event_id LIKE '" + run + "-%'"))
        .as("no row written twice, even without FINAL").isEqualTo(file.uniqueEvents());
    assertThat(count("SELECT count() AS n FROM " + DATABASE + ".usage_events FINAL WHERE event_id LIKE '" + run
        + "-%' AND price_source = 'fallback'")).isEqualTo(file.unknownModel());
  }

  @Test
  void shouldKeepTheRollupsEqualToTheRawTable() throws Exception {
    // given
    String run = "roll-" + UUID.randomUUID().toString().substring(0, 8);
    DemoWorkloadFile.Contents file = DemoWorkloadFile.write(work.resolve(run + ".jsonl"), run, 1_500, Instant.now());

    // when
    publish(file.file());
    awaitRows(run, file.uniqueEvents());

    // then each rollup sums to the raw table, per tenant and day
    String raw = "SELECT concat(tenant_id, ' ', toString(toDate(occurred_at))) AS k, toString(sum(cost_usd)) AS usd FROM "
        + DATABASE + ".usage_events FINAL GROUP BY k";
    Map<String, BigDecimal> fromRaw = totals(raw);
    assertThat(totals("SELECT concat(tenant_id, ' ', toString(day)) AS k, toString(sum(cost_usd)) AS usd FROM "
        + DATABASE + ".usage_daily GROUP BY k")).isEqualTo(fromRaw);
    assertThat(totals("SELECT concat(tenant_id, ' ', toString(toDate(hour))) AS k, toString(sum(cost_usd)) AS usd FROM "
        + DATABASE + ".usage_hourly GROUP BY k")).isEqualTo(fromRaw);
  }

  @Test
  void shouldKeepUnreadableRawRecordsOnTheRejectedTopicWithTheirReason() throws Exception {
    // given
    String key = "junk-" + UUID.randomUUID();

    // when a producer writes garbage straight to the raw topic
    sendRaw(List.of(new RawRecord(key, "\u0001\u0002not an event".getBytes(StandardCharsets.UTF_8)),
        new RawRecord(key + "-json", "{\"event_id\":\"x\"}".getBytes(StandardCharsets.UTF_8))));

    // then both are on the rejected topic, whole, with field and reason
    List<RejectedEvent> rejected = readRejected(key, 2);
    assertThat(rejected).extracting(RejectedEvent::getField).containsExactlyInAnyOrder("_record", "occurred_at");
    assertThat(rejected).allSatisfy(r -> assertThat(r.getReason()).isNotBlank());
  }

  @Test
  void shouldCleanTheDedupChangelogByRetentionOnlyAndSwitchOneMadeEarlier() throws Exception {
    // given: an earlier version's changelog, which Kafka Streams made compacted
    String earlier = "e2e-earlier-" + UUID.randomUUID().toString().substring(0, 8) + "-dedup-store-changelog";
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(earlier, 1, (short) 1)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete")))).all().get();
      awaitTopic(admin, earlier);

      // when
      DedupChangelog.retentionOnly(bootstrap, earlier);

      // then: both it and the changelog the running processor made clean by retention, never by compaction
      assertThat(cleanupPolicySettled(admin, earlier)).isEqualTo("delete");
      String current = DedupChangelog.topicName("e2e-processor", PricingTopology.DEDUP_STORE);
      awaitTopic(admin, current);
      assertThat(cleanupPolicySettled(admin, current)).isEqualTo("delete");
    }
  }

  private static void awaitTopic(Admin admin, String topic) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!admin.listTopics().names().get().contains(topic) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
  }

  /** The broker applies a config change from its metadata log, so a describe right after may still show the old one. */
  private static String cleanupPolicySettled(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String policy;
    do {
      policy = admin.describeConfigs(List.of(resource)).all().get().get(resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
      if ("delete".equals(policy)) {
        return policy;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    return policy;
  }

  private static PublishReport publish(Path file) throws Exception {
    try (BufferedReader in = Files.newBufferedReader(file);
         KafkaEventSink sink = new KafkaEventSink(new UsageProducer(bootstrap))) {
      return new JsonLinesPublisher(sink, Clock.systemUTC()).publish(in, n -> { });
    }
  }

  private static byte[] firstEventOf(List<String> lines) {
    ParseResult.Ok<UsageEvent> ok = (ParseResult.Ok<UsageEvent>) UsageEventJson.parse(lines.get(0), Instant.now());
    return UsageEventJson.toJson(ok.value()).getBytes(StandardCharsets.UTF_8);
  }

  private record RawRecord(String key, byte[] value) {}

  private static void sendRaw(List<RawRecord> records) throws Exception {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (RawRecord r : records) {
        producer.send(new ProducerRecord<>(Topics.USAGE_RAW.name(), r.key(), r.value())).get();
      }
    }
  }

  private static void awaitRows(String run, long expected) throws InterruptedException {
    String sql = "SELECT count() AS n FROM " + DATABASE + ".usage_events FINAL WHERE event_id LIKE '" + run + "-%'";
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (count(sql) < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(300);
    }
    // A retry that slipped past deduplication would show up a moment after the originals.
    Thread.sleep(2_000);
    assertThat(count(sql)).isEqualTo(expected);
  }

  private static long count(String sql) {
    return Long.parseLong(clickHouse.query(sql).get(0, "n"));
  }

  private static Map<String, BigDecimal> totals(String sql) {
    Rows rows = clickHouse.query(sql);
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      totals.put(rows.get(i, "k"), new BigDecimal(rows.get(i, "usd")).setScale(12));
    }
    return totals;
  }

  private static List<RejectedEvent> readRejected(String keyPrefix, int expected) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-rejected-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<RejectedEvent> found = new ArrayList<>();
    try (KafkaConsumer<String, RejectedEvent> consumer = new KafkaConsumer<>(p,
        Topics.USAGE_REJECTED.keySerde().deserializer(), Topics.USAGE_REJECTED.valueSerde().deserializer())) {
      consumer.subscribe(List.of(Topics.USAGE_REJECTED.name()));
      Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
      while (found.size() < expected && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, RejectedEvent> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() != null && r.key().startsWith(keyPrefix)) {
            found.add(r.value());
          }
        }
      }
    }
    return found;
  }
}
