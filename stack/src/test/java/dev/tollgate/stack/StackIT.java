package dev.tollgate.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.stack.testing.TestStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class StackIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldProduceAndConsumeARecordThroughTheRealBroker() throws Exception {
    // given
    KafkaBroker broker = TestStack.kafka();
    String topic = "stack-it-roundtrip";
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    long timestamp = 1_767_225_600_000L;

    // when
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker))) {
      producer.send(new ProducerRecord<>(topic, null, timestamp, "tenant-a", "{\"event_id\":\"e1\"}")).get(30, TimeUnit.SECONDS);
    }
    List<ConsumerRecord<String, String>> consumed = consumeAll(broker, topic, 1);

    // then
    assertThat(consumed).hasSize(1);
    assertThat(consumed.get(0).key()).isEqualTo("tenant-a");
    assertThat(consumed.get(0).value()).isEqualTo("{\"event_id\":\"e1\"}");
    assertThat(consumed.get(0).timestamp()).isEqualTo(timestamp);
  }

  @Test
  void shouldNotCreateTopicsThatNobodyDeclared() throws Exception {
    // given
    KafkaBroker broker = TestStack.kafka();

    // when
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
       KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(broker))) {
      consumer.partitionsFor("stack-it-never-declared", Duration.ofSeconds(2));
      Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);

      // then
      assertThat(topics).doesNotContain("stack-it-never-declared");
    }
  }

  @Test
  void shouldRecordTheBrokerPidInItsDataFolder() {
    // given
    KafkaBroker broker = TestStack.kafka();

    // when
    var recorded = KafkaBroker.runningPid(broker.options().dataDir());

    // then
    assertThat(recorded).contains(broker.pid());
  }

  @Test
  void shouldAnswerSelectOneOverHttp() throws Exception {
    // given
    ClickHouseServer clickHouse = TestStack.clickHouse();

    // when
    String answer = query(clickHouse, "SELECT 1");

    // then
    assertThat(answer).isEqualTo("1\n");
    assertThat(ClickHouseServer.runningPid(clickHouse.options().dataDir())).contains(clickHouse.pid());
  }

  @Test
  void shouldStopMergingPartsPastTheConfiguredSize() throws Exception {
    // given
    ClickHouseServer clickHouse = TestStack.clickHouse();

    // when
    String limit = query(clickHouse,
        "SELECT value FROM system.merge_tree_settings WHERE name = 'max_bytes_to_merge_at_max_space_in_pool'");

    // then
    assertThat(Long.parseLong(limit.trim())).isEqualTo(256L << 20);
  }

  @Test
  void shouldKeepClickHouseDataAcrossARestart() throws Exception {
    // given
    ClickHouseServer clickHouse = TestStack.clickHouse();
    query(clickHouse, "CREATE TABLE IF NOT EXISTS default.survives_restart (id UInt32, cost Decimal(38, 12)) ENGINE = MergeTree ORDER BY id");
    query(clickHouse, "INSERT INTO default.survives_restart VALUES (1, 0.000001250000), (2, 3.5)");
    long pidBefore = clickHouse.pid();

    // when
    TestStack.restartClickHouse(Duration.ofSeconds(1));

    // then
    assertThat(clickHouse.pid()).isNotEqualTo(pidBefore);
    assertThat(ProcessHandle.of(pidBefore).filter(ProcessHandle::isAlive)).isEmpty();
    String[] countAndSum = query(clickHouse, "SELECT count(), sum(cost) FROM default.survives_restart").trim().split("\t");
    assertThat(countAndSum[0]).isEqualTo("2");
    assertThat(new BigDecimal(countAndSum[1])).isEqualByComparingTo("3.50000125");
  }

  @Test
  void shouldHandBackTheRunningServerInsteadOfStartingASecondOne() throws Exception {
    // given
    int[] ports = Ports.free(3);
    Path dataDir = Path.of("target", "test-stack", "detached-" + ProcessHandle.current().pid());
    ClickHouseServer.Options options = new ClickHouseServer.Options(dataDir, ports[0], ports[1], ports[2], true);
    ClickHouseServer first = ClickHouseServer.start(options);
    try {
      // when
      ClickHouseServer second = ClickHouseServer.start(options);

      // then
      assertThat(second.pid()).isEqualTo(first.pid());
      assertThat(query(second, "SELECT 2")).isEqualTo("2\n");
    } finally {
      first.stop();
    }
    assertThat(ClickHouseServer.runningPid(dataDir)).isEmpty();
    assertThat(ProcessHandle.of(first.pid()).filter(ProcessHandle::isAlive)).isEmpty();
  }

  @Test
  void shouldRefuseToStartOnAPortThatAnotherProcessHolds() throws Exception {
    // given
    int[] ports = Ports.free(3);
    Path dataDir = Path.of("target", "test-stack", "port-taken-" + ProcessHandle.current().pid());
    try (ServerSocket squatter = new ServerSocket(ports[0], 1, InetAddress.getLoopbackAddress())) {

      // when / then
      assertThatThrownBy(() -> ClickHouseServer.start(new ClickHouseServer.Options(dataDir, ports[0], ports[1], ports[2], false)))
          .isInstanceOf(StackException.class)
          .hasMessage("cannot start ClickHouse: 127.0.0.1:" + ports[0] + " is already in use by another process");
    }
    assertThat(ClickHouseServer.runningPid(dataDir)).isEmpty();
  }

  private static String query(ClickHouseServer clickHouse, String sql) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(clickHouse.httpUrl() + "/?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
        .POST(HttpRequest.BodyPublishers.noBody())
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static Properties producerConfig(KafkaBroker broker) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    return config;
  }

  private static Properties consumerConfig(KafkaBroker broker) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "stack-it");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return config;
  }

  private static List<ConsumerRecord<String, String>> consumeAll(KafkaBroker broker, String topic, int expected) {
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(broker))) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      consumer.commitSync();
    }
    return records;
  }
}
