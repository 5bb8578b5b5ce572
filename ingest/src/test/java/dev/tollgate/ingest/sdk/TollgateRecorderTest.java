package dev.tollgate.ingest.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.sdk.RecordingError.Kind;
import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class TollgateRecorderTest {
  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Attribution ACME = Attribution.tenant("acme").withTeam("search").withUser("u-17")
      .withFeature("answer").withAttribute("region", "eu");

  private final List<RecordingError> errors = new CopyOnWriteArrayList<>();

  private TollgateRecorder recorder(UsageSink sink, int capacity) {
    return TollgateRecorder.withSink(sink, capacity, errors::add, CLOCK);
  }

  @Test
  void shouldBuildTheEventFromTheScopeTheCallAndTheProviderUsage() {
    // given
    CollectingSink sink = CollectingSink.acknowledgingAll();
    TollgateRecorder recorder = recorder(sink, 100);
    ProviderResponse response = ProviderResponse.of(Provider.ANTHROPIC, ProviderBodies.read("anthropic/message.json"));
    CallInfo call = CallInfo.NONE.withLatency(Duration.ofMillis(840)).withStatus("ok").withAttribute("experiment", "b");

    // when
    recorder.scope(ACME).record(response, call);
    recorder.close();

    // then
    UsageEvent e = sink.events().get(0);
    assertThat(e.getEventId()).matches("[0-9a-f-]{36}-0");
    assertThat(e.getOccurredAt()).isEqualTo(NOW);
    assertThat(List.of(e.getTenantId(), e.getTeamId(), e.getUserId(), e.getFeature(), e.getProvider(), e.getModel()))
        .containsExactly("acme", "search", "u-17", "answer", "anthropic", "claude-sonnet-4-5");
    assertThat(List.of(e.getInputTokens(), e.getCachedInputTokens(), e.getOutputTokens())).containsExactly(10254L, 8192L, 393L);
    assertThat(e.getEstimated()).isFalse();
    assertThat(e.getLatencyMs()).isEqualTo(840L);
    assertThat(e.getStatus()).isEqualTo("ok");
    assertThat(e.getRequestId()).isEqualTo("msg_01XFDUDYJgAACzvnptvVoYEL");
    assertThat(e.getAttributes()).isEqualTo(Map.of("cache_creation_input_tokens", "2048",
        "model_version", "claude-sonnet-4-5-20250929", "region", "eu", "experiment", "b"));
    assertThat(recorder.metrics()).isEqualTo(new RecorderMetrics(1, 1, 0, 0, 0, 0));
    assertThat(sink.closed()).isTrue();
    assertThat(errors).isEmpty();
  }

  @Test
  void shouldGiveEachRecordItsOwnEventIdUnlessTheCallNamesOne() {
    // given two recorders
    CollectingSink sinkA = CollectingSink.acknowledgingAll();
    CollectingSink sinkB = CollectingSink.acknowledgingAll();
    TollgateRecorder a = recorder(sinkA, 100);
    TollgateRecorder b = recorder(sinkB, 100);
    Usage usage = Usage.reported("openai", "gpt-4o", 100, 0, 20);

    // when
    for (int i = 0; i < 3; i++) {
      a.scope(ACME).record(usage);
      b.scope(ACME).record(usage);
    }
    a.scope(ACME).record(usage, CallInfo.NONE.withEventId("call-42").at(NOW.minusSeconds(5)));
    a.close();
    b.close();

    // then
    List<String> ids = sinkA.events().stream().map(UsageEvent::getEventId).toList();
    List<String> otherIds = sinkB.events().stream().map(UsageEvent::getEventId).toList();
    assertThat(ids).hasSize(4).doesNotHaveDuplicates().doesNotContainAnyElementsOf(otherIds).endsWith("call-42");
    assertThat(ids.subList(0, 3)).allMatch(id -> id.startsWith(ids.get(0).substring(0, 37)));
    assertThat(sinkA.events().get(3).getOccurredAt()).isEqualTo(NOW.minusSeconds(5));
  }

  @Test
  void shouldReportInvalidRecordsWithFieldAndReasonAndSendTheOthers() {
    // given
    CollectingSink sink = CollectingSink.acknowledgingAll();
    TollgateRecorder recorder = recorder(sink, 100);
    Scope scope = recorder.scope(ACME);
    Usage valid = Usage.reported("openai", "gpt-4o", 100, 0, 20);

    // when every kind of bad input is recorded between two good ones
    scope.record(valid);
    recorder.scope(ACME.withUser(null)).record(valid);
    scope.record(Usage.reported("openai", "gpt-4o", 10, 11, 1));
    scope.record(ProviderResponse.of(Provider.OPENAI, "{\"usage\": "));
    scope.record((Usage) null);
    recorder.scope(null).record(valid);
    scope.record(valid, CallInfo.NONE.at(NOW.plus(Duration.ofHours(2))));
    scope.record(valid);
    recorder.close();

    // then
    assertThat(sink.events()).hasSize(2);
    assertThat(errors).extracting(RecordingError::kind).containsOnly(Kind.INVALID);
    assertThat(errors).extracting(e -> e.field() + ": " + e.reason()).containsExactly(
        "user_id: is required",
        "cached_input_tokens: is larger than input_tokens (cached tokens are part of the input)",
        "response: is not valid JSON: Unexpected end-of-input within/between Object entries",
        "usage: is required",
        "tenant_id: is required",
        "occurred_at: is more than 60 minutes in the future (2026-03-01T14:00:00Z); check the producer's clock");
    assertThat(recorder.metrics()).isEqualTo(new RecorderMetrics(8, 2, 0, 6, 0, 0));
  }

  @Test
  void shouldDropTheNewRecordWhenTheBufferIsFullAndReportTheCountOnce() throws InterruptedException {
    // given a buffer of 2 whose recorder thread is held inside the sink with a first event
    CollectingSink sink = CollectingSink.holding();
    TollgateRecorder recorder = recorder(sink, 2);
    Scope scope = recorder.scope(ACME);
    scope.record(Usage.reported("openai", "gpt-4o", 1, 0, 1));
    sink.awaitFirstSend();

    // when 4 more are recorded
    for (long input = 2; input <= 5; input++) {
      scope.record(Usage.reported("openai", "gpt-4o", input, 0, 1));
    }
    RecorderMetrics whileFull = recorder.metrics();
    sink.release();
    recorder.close();

    // then the oldest buffered ones were kept and the newest dropped
    assertThat(whileFull).isEqualTo(new RecorderMetrics(3, 0, 0, 0, 2, 2));
    assertThat(sink.events()).extracting(UsageEvent::getInputTokens).containsExactly(1L, 2L, 3L);
    assertThat(errors).containsExactly(RecordingError.dropped(2, "the buffer of 2 events was full"));
    assertThat(recorder.metrics()).isEqualTo(new RecorderMetrics(3, 3, 0, 0, 2, 0));
  }

  @Test
  void shouldCountFailedSendsAndSurviveACallbackThatThrows() {
    // given a sink that fails events of user "u-bad" and a callback that throws
    CollectingSink sink = CollectingSink.failing(e -> e.getUserId().equals("u-bad") ? new IllegalStateException("broker gone") : null);
    List<String> told = new CopyOnWriteArrayList<>();
    TollgateRecorder recorder = TollgateRecorder.withSink(sink, 100, e -> {
      told.add(e.toString());
      throw new IllegalArgumentException("callback bug");
    }, CLOCK);
    Usage usage = Usage.reported("openai", "gpt-4o", 100, 0, 20);

    // when
    recorder.scope(ACME).record(usage);
    recorder.scope(ACME.withUser("u-bad")).record(usage, CallInfo.NONE.withEventId("bad-1"));
    recorder.scope(ACME).record(usage);
    recorder.close();

    // then
    assertThat(told).containsExactly("event bad-1 not sent: broker gone");
    assertThat(recorder.metrics()).isEqualTo(new RecorderMetrics(3, 2, 1, 0, 0, 0));
  }

  @Test
  void shouldFailWhatIsStillBufferedWhenCloseTimesOut() throws InterruptedException {
    // given a sink that holds the recorder thread, and 3 more events behind the held one
    CollectingSink sink = CollectingSink.holding();
    TollgateRecorder recorder = recorder(sink, 10);
    Scope scope = recorder.scope(ACME);
    Usage usage = Usage.reported("openai", "gpt-4o", 100, 0, 20);
    scope.record(usage);
    sink.awaitFirstSend();
    for (int i = 0; i < 3; i++) {
      scope.record(usage);
    }

    // when
    boolean complete = recorder.close(Duration.ofMillis(100));
    scope.record(usage);

    // then
    assertThat(complete).isFalse();
    assertThat(errors).extracting(RecordingError::reason).containsExactly(
        "the recorder closed before the event could be sent",
        "the recorder closed before the event could be sent",
        "the recorder closed before the event could be sent");
    assertThat(recorder.metrics()).isEqualTo(new RecorderMetrics(4, 0, 3, 0, 1, 0));
    sink.release();
  }
}
