package dev.tollgate.ingest.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.json.ParseResult;
import dev.tollgate.schemas.serde.UsageEventCodec;
import dev.tollgate.stack.Ports;
import dev.tollgate.stack.testing.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The recorder against the real broker: what is recorded arrives on the raw topic once, as the processor reads it. */
class TollgateRecorderIT {
  private static final int EVENTS = 2_000;
  private static final List<ProviderResponse> RESPONSES = List.of(
      ProviderResponse.of(Provider.OPENAI, ProviderBodies.read("openai/chat-completion.json")),
      ProviderResponse.of(Provider.OPENAI, ProviderBodies.read("openai/responses.json")),
      ProviderResponse.ofSse(Provider.OPENAI, ProviderBodies.read("openai/chat-completion-stream.sse")),
      ProviderResponse.ofSse(Provider.OPENAI, ProviderBodies.read("openai/chat-completion-stream-without-usage.sse"))
          .withPrompt("antidisestablishmentarianism"),
      ProviderResponse.of(Provider.ANTHROPIC, ProviderBodies.read("anthropic/message.json")),
      ProviderResponse.ofSse(Provider.ANTHROPIC, ProviderBodies.read("anthropic/message-stream.sse")),
      ProviderResponse.of(Provider.GOOGLE, ProviderBodies.read("google/generate-content.json")),
      ProviderResponse.ofSse(Provider.GOOGLE, ProviderBodies.read("google/stream.sse")));
  private static String bootstrap;

  private final String tenant = "sdk-it-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void createTopic() throws Exception {
    bootstrap = TestStack.kafka().bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      if (!admin.listTopics().names().get().contains(Topics.USAGE_RAW.name())) {
        admin.createTopics(List.of(new NewTopic(Topics.USAGE_RAW.name(), 2, (short) 1))).all().get();
      }
    }
  }

  @Test
  void shouldDeliverEveryRecordedResponseOnceWithItsTokens() throws Exception {
    // given
    List<RecordingError> errors = new CopyOnWriteArrayList<>();
    TollgateRecorder recorder = TollgateRecorder.start(RecorderConfig.of(bootstrap), errors::add);
    Scope scope = recorder.scope(Attribution.tenant(tenant).withTeam("t1").withUser("u1").withFeature("chat"));

    // when
    for (int i = 0; i < EVENTS; i++) {
      scope.record(RESPONSES.get(i % RESPONSES.size()), CallInfo.NONE.withAttribute("n", Integer.toString(i)));
    }
    boolean complete = recorder.close(Duration.ofSeconds(30));

    // then
    assertThat(errors).isEmpty();
    assertThat(complete).isTrue();
    assertThat(recorder.metrics()).isEqualTo(new RecorderMetrics(EVENTS, EVENTS, 0, 0, 0, 0));
    List<Arrived> arrived = readRawTopic();
    Map<String, Integer> copiesById = new HashMap<>();
    Set<String> numbers = new HashSet<>();
    for (Arrived r : arrived) {
      UsageEvent e = r.event();
      copiesById.merge(e.getEventId(), 1, Integer::sum);
      numbers.add(e.getAttributes().get("n"));
      assertThat(r.key()).isEqualTo(e.getEventId());
      assertThat(r.timestamp()).isEqualTo(e.getOccurredAt().toEpochMilli());
      Usage expected = RESPONSES.get(Integer.parseInt(e.getAttributes().get("n")) % RESPONSES.size()).usage();
      assertThat(List.of(e.getProvider(), e.getModel())).containsExactly(expected.provider(), expected.model());
      assertThat(List.of(e.getInputTokens(), e.getCachedInputTokens(), e.getOutputTokens()))
          .containsExactly(expected.inputTokens(), expected.cachedInputTokens(), expected.outputTokens());
      assertThat(e.getEstimated()).isEqualTo(expected.estimated());
    }
    assertThat(arrived).hasSize(EVENTS);
    assertThat(copiesById).hasSize(EVENTS).allSatisfy((id, copies) -> assertThat(copies).isEqualTo(1));
    assertThat(numbers).hasSize(EVENTS);
  }

  @Test
  void shouldNeitherBlockNorThrowOnTheCallerWhenNoBrokerListens() {
    // given a recorder pointed at a port nobody listens on
    List<RecordingError> errors = new CopyOnWriteArrayList<>();
    String nowhere = "127.0.0.1:" + Ports.free();
    TollgateRecorder recorder = TollgateRecorder.start(RecorderConfig.of(nowhere).withCapacity(50), errors::add);
    Scope scope = recorder.scope(Attribution.tenant(tenant).withUser("u1").withFeature("chat"));

    // when more is recorded than the buffer holds
    for (int i = 0; i < 200; i++) {
      scope.record(Usage.reported("openai", "gpt-4o", 10, 0, 5));
    }
    boolean complete = recorder.close(Duration.ofSeconds(2));

    // then nothing reached the caller: the events were dropped or failed, and the callback was told
    RecorderMetrics m = recorder.metrics();
    assertThat(complete).isFalse();
    assertThat(m.recorded() + m.dropped()).isEqualTo(200);
    assertThat(m.dropped()).isPositive();
    assertThat(m.failed()).isEqualTo(m.recorded());
    assertThat(errors).extracting(RecordingError::kind).contains(RecordingError.Kind.DROPPED, RecordingError.Kind.SEND_FAILED);
  }

  /** A record of the raw topic that belongs to this test, decoded as the processor decodes it. */
  private record Arrived(String key, long timestamp, UsageEvent event) {}

  private List<Arrived> readRawTopic() {
    Map<String, Object> props = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    UsageEventCodec codec = new UsageEventCodec();
    List<Arrived> ours = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.USAGE_RAW.name()).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          ParseResult<UsageEvent> parsed = codec.decode(r.value(), Instant.now());
          assertThat(parsed).isInstanceOf(ParseResult.Ok.class);
          UsageEvent e = ((ParseResult.Ok<UsageEvent>) parsed).value();
          if (tenant.equals(e.getTenantId())) {
            ours.add(new Arrived(r.key(), r.timestamp(), e));
          }
        }
      }
    }
    return ours;
  }
}
