package dev.tollgate.analytics.alerts;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.analytics.writer.WriterConfig;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.stack.testing.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** An alerts topic and a database of their own for one integration test, with an alert writer on them. */
final class AlertFixture implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(90);

  final String topic = "tollgate.it.alerts." + UUID.randomUUID();
  final String database = "tollgate_it_" + UUID.randomUUID().toString().replace("-", "");
  final String group = "tollgate-it-alert-writer-" + UUID.randomUUID();
  final ClickHouseHttp clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
  final StoredAlerts stored = new StoredAlerts(clickHouse, database);
  private final String bootstrap = TestStack.kafka().bootstrapServers();
  private final int partitions;
  private final KafkaProducer<String, byte[]> producer;
  private AlertWriter writer;
  private Thread writerThread;

  AlertFixture(int partitions) throws Exception {
    this.partitions = partitions;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
    Schema.apply(clickHouse, database);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
  }

  AlertWriter startWriter() {
    writer = new AlertWriter(new WriterConfig(bootstrap, group, topic, TestStack.clickHouse().httpUrl(),
        WriterConfig.DEFAULT_CLICKHOUSE_USER, "", database, 1_000, Duration.ofMillis(100), Duration.ofSeconds(2)));
    writerThread = new Thread(writer::run, "alert-writer-it");
    writerThread.start();
    return writer;
  }

  /** Sends the alerts keyed as the budget processor keys them: by budget, ops alerts by their id. */
  void publish(List<Alert> alerts) throws Exception {
    List<Future<?>> sent = new ArrayList<>();
    for (Alert a : alerts) {
      String key = a.getBudgetId() != null ? a.getBudgetId() : a.getAlertId();
      sent.add(producer.send(new ProducerRecord<>(topic, key, Topics.ALERTS.valueSerde().serializer().serialize(topic, a))));
    }
    producer.flush();
    for (Future<?> f : sent) {
      f.get();
    }
  }

  void publishRaw(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  long rows(String from) {
    return Long.parseLong(clickHouse.query("SELECT count() AS n FROM " + database + "." + from).get(0, "n"));
  }

  Set<String> storedIds() {
    return stored.newestFirst(new StoredAlerts.Query(null, null, 1_000_000)).stream()
        .map(Alert::getAlertId).collect(Collectors.toSet());
  }

  boolean clickHouseAnswers() {
    try {
      clickHouse.query("SELECT 1 AS one");
      return true;
    } catch (ClickHouseException e) {
      return false;
    }
  }

  /** Committed offsets of the writer's group, summed over the topic's partitions. */
  long committed() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      Set<TopicPartition> all = new HashSet<>();
      for (int i = 0; i < partitions; i++) {
        all.add(new TopicPartition(topic, i));
      }
      return consumer.committed(all).values().stream().mapToLong(o -> o == null ? 0 : o.offset()).sum();
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + PATIENCE + " waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.stop();
      writerThread.join(30_000);
    }
    producer.close();
    clickHouse.execute("DROP DATABASE IF EXISTS " + database);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.deleteTopics(List.of(topic)).all().get();
    }
  }
}
