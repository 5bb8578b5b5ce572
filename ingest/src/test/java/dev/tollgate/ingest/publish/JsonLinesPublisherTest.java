package dev.tollgate.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.UsageEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesPublisherTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  private static String event(String id, long input) {
    return "{\"event_id\":\"" + id + "\",\"occurred_at\":\"2026-03-01T10:00:00Z\",\"tenant_id\":\"acme\","
        + "\"user_id\":\"u\",\"feature\":\"chat\",\"provider\":\"openai\",\"model\":\"gpt-4o\","
        + "\"input_tokens\":" + input + ",\"output_tokens\":5}";
  }

  @Test
  void shouldSendValidLinesAndReportEveryBadLineWithNumberFieldAndReason() throws IOException {
    // given a file whose bad lines sit between good ones
    String file = String.join("\n",
        event("a", 10),
        "{not json",
        "",
        event("b", -1),
        event("c", 30),
        "[1,2]");
    List<UsageEvent> sent = new ArrayList<>();
    EventSink sink = (e, done) -> {
      sent.add(e);
      done.accept(null);
    };

    // when
    PublishReport report = new JsonLinesPublisher(sink, CLOCK).publish(new BufferedReader(new StringReader(file)), n -> { });

    // then
    assertThat(sent).extracting(UsageEvent::getEventId).containsExactly("a", "c");
    assertThat(report.sent()).isEqualTo(2);
    assertThat(report.rejected()).extracting(LineRejection::toString).containsExactly(
        "line 2: _record: is not valid JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
        "line 4: input_tokens: must be an integer ≥ 0, got -1",
        "line 6: _record: must be a JSON object");
    assertThat(report.summary()).isEqualTo("sent 2, rejected 3");
  }

  @Test
  void shouldCountEventsTheBrokerDidNotTakeAsFailedNotSent() throws IOException {
    // given a sink that fails the second event
    List<String> seen = new ArrayList<>();
    EventSink sink = (e, done) -> {
      seen.add(e.getEventId());
      done.accept(seen.size() == 2 ? new IllegalStateException("broker gone") : null);
    };
    String file = event("a", 1) + "\n" + event("b", 2) + "\n" + event("c", 3);

    // when
    PublishReport report = new JsonLinesPublisher(sink, CLOCK).publish(new BufferedReader(new StringReader(file)), n -> { });

    // then
    assertThat(report.sent()).isEqualTo(2);
    assertThat(report.failed()).isEqualTo(1);
    assertThat(report.firstFailure()).contains("broker gone");
    assertThat(report.summary()).isEqualTo("sent 2, rejected 0, failed 1");
  }
}
