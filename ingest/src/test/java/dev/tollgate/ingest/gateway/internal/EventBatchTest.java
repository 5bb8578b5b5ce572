package dev.tollgate.ingest.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventBatchTest {

  private static EventBatch parse(String body, int max) {
    return EventBatch.parse(body.getBytes(StandardCharsets.UTF_8), max);
  }

  @Test
  void shouldTakeOneObjectOrAnArrayOfItems() {
    // when
    EventBatch one = parse("{\"event_id\":\"a\"}", 10);
    EventBatch many = parse("[{}, 1, \"x\"]", 10);

    // then
    assertThat(((EventBatch.Items) one).items()).hasSize(1);
    assertThat(((EventBatch.Items) many).items()).hasSize(3);
  }

  @Test
  void shouldRefuseBodiesThatAreNoBatch() {
    // when / then
    assertThat(parse("{\"a\":", 10)).isInstanceOfSatisfying(EventBatch.Unusable.class,
        u -> assertThat(u.error()).isEqualTo("invalid_json"));
    assertThat(parse("", 10)).isInstanceOfSatisfying(EventBatch.Unusable.class, u -> assertThat(u.error()).isEqualTo("empty_body"));
    assertThat(parse("[]", 10)).isInstanceOfSatisfying(EventBatch.Unusable.class, u -> assertThat(u.error()).isEqualTo("empty_batch"));
    assertThat(parse("\"x\"", 10)).isInstanceOfSatisfying(EventBatch.Unusable.class,
        u -> assertThat(u.error()).isEqualTo("invalid_body"));
    assertThat(parse("[{},{},{}]", 2)).isInstanceOfSatisfying(EventBatch.Unusable.class, u -> {
      assertThat(u.status()).isEqualTo(413);
      assertThat(u.message()).contains("3 events", "at most 2");
    });
  }
}
