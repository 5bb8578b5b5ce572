package dev.tollgate.alerting;

import dev.tollgate.alerting.dispatch.DeliverySettings;
import dev.tollgate.alerting.dispatch.internal.KafkaIncidentStore;
import dev.tollgate.alerting.metrics.AlertingMetrics;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import dev.tollgate.stack.testing.TestStack;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The alerting service on the real test broker, with topics and a consumer group of its own, a
 * routes file of the test's making, run on a thread and stopped as SIGTERM would stop it.
 */
final class ServiceFixture implements AutoCloseable {
  static final int PARTITIONS = 2;
  final String bootstrap = TestStack.kafka().bootstrapServers();
  final String suffix = UUID.randomUUID().toString().substring(0, 8);
  final String alerts = "alerts-" + suffix;
  final String deadLetters = "dead-letter-" + suffix;
  final String incidents = "incidents-" + suffix;
  final String group = "alerting-" + suffix;
  private final Path routes;
  private final KafkaProducer<String, byte[]> producer;
  private AlertingService service;
  private Thread thread;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  ServiceFixture(Path dir, String routesJson) throws Exception {
    routes = Files.writeString(dir.resolve("routes-" + suffix + ".json"), routesJson);
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(alerts, PARTITIONS, (short) 1), new NewTopic(deadLetters, 1, (short) 1),
          new NewTopic(incidents, 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
              TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "alerts-writer-" + suffix);
    producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    producer.initTransactions();
  }

  AlertingConfig config(DeliverySettings delivery) {
    return AlertingConfig.fromEnv(new Env(Map.of(Env.KAFKA_BOOTSTRAP, bootstrap, AlertingConfig.ROUTES, routes.toString(),
            AlertingConfig.HTTP_TIMEOUT, "PT2S", AlertingConfig.METRICS_ADDRESS, "off")))
        .withTopics(alerts, deadLetters, incidents).withGroup(group).withDelivery(delivery);
  }

  /** Starts the service and waits until it owns the partitions of the alerts topic. */
  AlertingService start(DeliverySettings delivery) throws InterruptedException {
    service = AlertingService.create(config(delivery), Map.of(), new SimpleMeterRegistry());
    AlertingService running = service;
    thread = new Thread(() -> {
      try {
        running.run();
      } catch (Throwable e) {
        failure.set(e);
      }
    }, "alerting-under-test");
    thread.start();
    return service;
  }

  /** Stops the service as SIGTERM does and waits until it returned. */
  void stopCleanly() throws InterruptedException {
    service.stop();
    thread.join(Duration.ofSeconds(40).toMillis());
    if (thread.isAlive()) {
      throw new AssertionError("the service did not stop within 40 s");
    }
    if (failure.get() != null) {
      throw new AssertionError("the service failed", failure.get());
    }
  }

  AlertingMetrics metrics() {
    return service.metrics();
  }

  /** Writes {@code alert} in a transaction of its own, as the budget processor writes alerts. */
  void publish(int partition, Alert alert) {
    publishAll(partition, List.of(alert));
  }

  /** Writes {@code batch} in one transaction: the records, then the commit marker, which takes an offset too. */
  void publishAll(int partition, List<Alert> batch) {
    publishTo(alerts, partition, batch);
  }

  void publishTo(String topic, int partition, List<Alert> batch) {
    producer.beginTransaction();
    for (Alert alert : batch) {
      producer.send(new ProducerRecord<>(topic, partition, alert.getBudgetId(),
          Topics.ALERTS.valueSerde().serializer().serialize(topic, alert)));
    }
    producer.commitTransaction();
  }

  /** The topic the service reads when no test names another; created once per broker. */
  void createDefaultAlertsTopic() throws Exception {
    try (Admin admin = admin()) {
      if (!admin.listTopics().names().get().contains(Topics.ALERTS.name())) {
        admin.createTopics(List.of(new NewTopic(Topics.ALERTS.name(), PARTITIONS, (short) 1))).all().get();
      }
    }
  }

  /** The end of a partition of the alerts topic, past the last commit marker: where a caught-up group commits. */
  long endOffset(int partition) throws Exception {
    return endOffsetOf(alerts, partition);
  }

  long endOffsetOf(String topic, int partition) throws Exception {
    TopicPartition tp = new TopicPartition(topic, partition);
    try (Admin admin = admin()) {
      return admin.listOffsets(Map.of(tp, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
          .all().get().get(tp).offset();
    }
  }

  /** The committed offset of each partition of the alerts topic that has one. */
  Map<Integer, Long> committed() throws Exception {
    return committedOf(alerts);
  }

  Map<Integer, Long> committedOf(String topic) throws Exception {
    Map<Integer, Long> offsets = new TreeMap<>();
    try (Admin admin = admin()) {
      admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().forEach((tp, om) -> {
        if (tp.topic().equals(topic)) {
          offsets.put(tp.partition(), om.offset());
        }
      });
    }
    return offsets;
  }

  List<AlertDeadLetter> deadLetters() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    List<AlertDeadLetter> parked = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(deadLetters, 0);
      c.assign(List.of(tp));
      c.seekToBeginning(List.of(tp));
      long end = c.endOffsets(List.of(tp)).get(tp);
      while (c.position(tp) < end) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          parked.add(Topics.ALERTS_DEAD_LETTER.valueSerde().deserializer().deserialize(deadLetters, r.value()));
        }
      }
    }
    return parked;
  }

  Map<String, Alert> openIncidents() {
    return new KafkaIncidentStore(bootstrap, incidents, null).load();
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }

  @Override
  public void close() throws Exception {
    if (thread != null && thread.isAlive()) {
      stopCleanly();
    }
    producer.close();
  }
}
