package dev.tollgate.ingest.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class AckTrackerTest {

  @Test
  void shouldCompleteOnceEveryEventHasItsAnswer() {
    // given
    AckTracker acks = new AckTracker(3);

    // when
    acks.acked(2);
    acks.failed(0, new TimeoutException("Expiring 1 record(s)"));
    boolean doneBeforeLast = acks.done().isDone();
    acks.acked(1);

    // then
    assertThat(doneBeforeLast).isFalse();
    assertThat(acks.done()).isCompleted();
    AckTracker.Outcome outcome = acks.outcome();
    assertThat(outcome.acked()).containsExactly(1, 2);
    assertThat(outcome.unacked()).containsExactly(0);
    assertThat(outcome.firstError()).isEqualTo("TimeoutException: Expiring 1 record(s)");
    assertThat(outcome.complete()).isFalse();
  }

  @Test
  void shouldCountAsUnacknowledgedWhatHasNoAnswerYetAndIgnoreASecondAnswer() {
    // given
    AckTracker acks = new AckTracker(2);
    acks.acked(0);
    acks.failed(0, new IllegalStateException("late"));

    // when
    AckTracker.Outcome outcome = acks.outcome();

    // then
    assertThat(outcome.acked()).containsExactly(0);
    assertThat(outcome.unacked()).containsExactly(1);
    assertThat(outcome.firstError()).isNull();
  }
}
