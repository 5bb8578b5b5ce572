package dev.tollgate.ingest.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.ingest.keys.ApiKeyAdmin;
import dev.tollgate.ingest.keys.IssuedKey;
import dev.tollgate.schemas.Topic;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.serde.UsageEventCodec;
import dev.tollgate.stack.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** A gateway on a real broker, spoken to over real HTTP, and a look at what reached the raw topic. */
final class GatewayFixture implements AutoCloseable {
  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final ObjectMapper JSON = new ObjectMapper();

  final String bootstrap;
  final Gateway gateway;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  GatewayFixture(String bootstrap, GatewayConfig config) throws InterruptedException {
    this(bootstrap, config, true);
  }

  private GatewayFixture(String bootstrap, GatewayConfig config, boolean awaitKeys) throws InterruptedException {
    this.bootstrap = bootstrap;
    this.gateway = Gateway.start(config);
    if (awaitKeys && !gateway.awaitReady(PATIENCE)) {
      throw new IllegalStateException("the gateway did not read its keys, statuses and prices within " + PATIENCE);
    }
  }

  /** A gateway whose Kafka is not there at all, so that it never reads its keys. */
  static GatewayFixture withoutKafka() throws InterruptedException {
    String nowhere = "127.0.0.1:" + Ports.free();
    return new GatewayFixture(nowhere, GatewayConfig.defaults(nowhere).withPort(0), false);
  }

  /** A gateway with the default limits, on a free port. */
  static GatewayFixture start(String bootstrap) throws InterruptedException {
    return new GatewayFixture(bootstrap, GatewayConfig.defaults(bootstrap).withPort(0));
  }

  static void createTopics(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> topic : Topics.ALL) {
        if (!existing.contains(topic.name())) {
          missing.add(topic.compacted()
              ? new NewTopic(topic.name(), 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
              : new NewTopic(topic.name(), 2, (short) 1));
        }
      }
      admin.createTopics(missing).all().get();
    }
  }

  /** A new key of {@code tenant}, once this gateway accepts it. */
  IssuedKey key(String tenant) throws Exception {
    IssuedKey key = new ApiKeyAdmin(bootstrap).create(tenant, "gateway test");
    await(() -> get("/v1/budgets/status", key.key()), r -> r.statusCode() != 401);
    return key;
  }

  URI uri(String path) {
    return gateway.uri().resolve(path);
  }

  HttpResponse<String> post(String path, String key, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(PATIENCE)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String key) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(PATIENCE).GET();
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + response.body(), e);
    }
  }

  /** A valid event in the contract's names, a minute old. */
  static String event(String eventId) {
    return "{\"event_id\":\"" + eventId + "\",\"occurred_at\":\"" + Instant.now().minusSeconds(60)
        + "\",\"user_id\":\"u1\",\"feature\":\"chat\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\","
        + "\"input_tokens\":120,\"output_tokens\":30}";
  }

  static String batch(List<String> eventIds) {
    return "[" + String.join(",", eventIds.stream().map(GatewayFixture::event).toList()) + "]";
  }

  static List<String> ids(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(prefix + "-" + i);
    }
    return ids;
  }

  /** Every record of the raw topic whose key starts with {@code prefix}, decoded, in partition order. */
  List<UsageEvent> rawEvents(String prefix) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    UsageEventCodec codec = new UsageEventCodec();
    List<UsageEvent> events = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.USAGE_RAW.name()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read the raw topic to its end");
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key() != null && r.key().startsWith(prefix)) {
            ParseResult<UsageEvent> decoded = codec.decode(r.value(), Instant.now());
            events.add(((ParseResult.Ok<UsageEvent>) decoded).value());
          }
        }
      }
    }
    return events;
  }

  interface Call<T> {
    T call() throws Exception;
  }

  /** Calls until the answer satisfies {@code done}, for at most {@link #PATIENCE}. */
  static <T> T await(Call<T> call, Predicate<T> done) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    T last = call.call();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within " + PATIENCE + ": " + last);
      }
      Thread.sleep(50);
      last = call.call();
    }
    return last;
  }

  @Override
  public void close() {
    gateway.close();
  }
}
