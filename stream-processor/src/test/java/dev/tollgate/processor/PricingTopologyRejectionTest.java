package dev.tollgate.processor;

import static dev.tollgate.processor.TestData.JAN_1;
import static dev.tollgate.processor.TestData.MAR_1_10H;
import static dev.tollgate.processor.TestData.chat;
import static dev.tollgate.processor.TestData.price;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.RejectedEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PricingTopologyRejectionTest {
  @TempDir Path stateDir;
  private TopologyFixture topology;
  private final UsageEventCodec codec = new UsageEventCodec();

  @BeforeEach
  void start() {
    topology = new TopologyFixture(stateDir);
    topology.publishPrice(price("openai", "gpt-4o", JAN_1, "2.50", "10.00").build());
  }

  @AfterEach
  void stop() {
    topology.close();
  }

  /** Publishes {@code bad} then a valid event; checks one rejection, with the payload kept, and the valid event priced. */
  private RejectedEvent rejectAndContinue(String key, byte[] bad) {
    topology.publishRaw(key, bad, MAR_1_10H);
    topology.publish(chat("valid-after").build());

    List<TestRecord<String, RejectedEvent>> rejected = topology.rejectedRecords();
    assertThat(rejected).hasSize(1);
    RejectedEvent rejection = rejected.get(0).value();
    assertThat(rejected.get(0).key()).isEqualTo(key);
    assertThat(rejection.getPayload()).isEqualTo(ByteBuffer.wrap(bad));
    assertThat(rejection.getSourceTopic()).isEqualTo(Topics.USAGE_RAW.name());
    assertThat(rejection.getSourcePartition()).isZero();
    assertThat(rejection.getSourceOffset()).isZero();
    assertThat(rejection.getRejectedAt()).isEqualTo(TopologyFixture.START);
    assertThat(topology.priced()).extracting(p -> p.getEvent().getEventId()).containsExactly("valid-after");
    return rejection;
  }

  @Test
  void shouldRejectGarbageBytes() {
    // given
    byte[] garbage = {0x00, 0x13, (byte) 0xFF, 0x7F};

    // when
    RejectedEvent rejection = rejectAndContinue("g-1", garbage);

    // then
    assertThat(rejection.getField()).isEqualTo("_record");
    assertThat(rejection.getEventId()).isEqualTo("g-1");
  }

  @Test
  void shouldRejectTruncatedAvro() {
    // given
    byte[] avro = codec.encode(chat("t-1").build());
    byte[] truncated = Arrays.copyOf(avro, 14);

    // when
    RejectedEvent rejection = rejectAndContinue("t-1", truncated);

    // then
    assertThat(rejection.getField()).isEqualTo("_record");
    assertThat(rejection.getReason()).contains("Avro");
  }

  @Test
  void shouldRejectInvalidJson() {
    // when
    RejectedEvent rejection = rejectAndContinue("j-1", utf8("{\"event_id\": \"j-1\", \"tenant_id\": "));

    // then
    assertThat(rejection.getField()).isEqualTo("_record");
    assertThat(rejection.getReason()).contains("JSON");
  }

  @Test
  void shouldRejectAnEventWithAMissingField() {
    // given: no tenant_id
    byte[] json = utf8("""
        {"event_id": "m-1", "occurred_at": "2026-03-01T10:00:00Z", "user_id": "u-1",
         "feature": "assistant", "provider": "openai", "model": "gpt-4o",
         "input_tokens": 10, "output_tokens": 5}
        """);

    // when
    RejectedEvent rejection = rejectAndContinue("m-1", json);

    // then
    assertThat(rejection.getField()).isEqualTo("tenant_id");
    assertThat(rejection.getReason()).contains("required");
  }

  @Test
  void shouldRejectNegativeTokens() {
    // when
    RejectedEvent rejection = rejectAndContinue("n-1", codec.encode(chat("n-1").setInputTokens(-5).build()));

    // then
    assertThat(rejection.getField()).isEqualTo("input_tokens");
  }

  @Test
  void shouldRejectMoreCachedTokensThanInputTokens() {
    // when
    RejectedEvent rejection = rejectAndContinue("c-1",
        codec.encode(chat("c-1").setInputTokens(100).setCachedInputTokens(101).build()));

    // then
    assertThat(rejection.getField()).isEqualTo("cached_input_tokens");
  }

  @Test
  void shouldRejectAnEmptyValue() {
    // when
    RejectedEvent rejection = rejectAndContinue("empty-1", new byte[0]);

    // then
    assertThat(rejection.getField()).isEqualTo("_record");
  }

  @Test
  void shouldRejectAnEventThatOccurredBefore1970() {
    // given
    UsageEvent ancient = chat("a-1").setOccurredAt(Instant.parse("1969-12-31T23:59:59Z")).build();

    // when
    RejectedEvent rejection = rejectAndContinue("a-1", codec.encode(ancient));

    // then
    assertThat(rejection.getField()).isEqualTo("occurred_at");
  }

  @Test
  void shouldNotDeduplicateARejectedRecordAgainstAValidEventWithTheSameKey() {
    // given
    topology.publishRaw("e-1", utf8("not an event"), MAR_1_10H);

    // when
    topology.publish(chat("e-1").build());

    // then
    assertThat(topology.rejectedRecords()).hasSize(1);
    assertThat(topology.priced()).extracting(PricedUsageEvent::getEvent).extracting(UsageEvent::getEventId)
        .containsExactly("e-1");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
