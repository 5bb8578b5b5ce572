package dev.tollgate.analytics.writer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ResumePlannerTest {

  @Test
  void shouldReplayFromTheCommittedOffsetSkippingWhatAPartialInsertWrote() {
    // given: committed 100; a crashed insert of 100..109 wrote only its March rows
    List<Long> held = List.of(101L, 104L, 105L, 109L);

    // when
    ResumePoint point = ResumePlanner.afterCommit(100, held);

    // then
    assertThat(point.startOffset()).isEqualTo(100);
    assertThat(point.skip()).containsExactly(101L, 104L, 105L, 109L);
  }

  @Test
  void shouldIgnoreHeldOffsetsBeforeTheCommittedOffset() {
    // given
    List<Long> held = List.of(7L, 99L, 100L, 250L);

    // when
    ResumePoint point = ResumePlanner.afterCommit(100, held);

    // then
    assertThat(point.startOffset()).isEqualTo(100);
    assertThat(point.skip()).containsExactly(100L, 250L);
  }

  @Test
  void shouldReplayEverythingFromTheCommittedOffsetWhenClickHouseHoldsNothingAfterIt() {
    // when
    ResumePoint point = ResumePlanner.afterCommit(42, List.of());

    // then
    assertThat(point.startOffset()).isEqualTo(42);
    assertThat(point.skip()).isEmpty();
  }

  @Test
  void shouldResumeAfterTheHighestHeldOffsetWithoutACommit() {
    // when
    ResumePoint point = ResumePlanner.withoutCommit(OptionalLong.of(1_234), 0);

    // then
    assertThat(point.startOffset()).isEqualTo(1_235);
    assertThat(point.skip()).isEmpty();
  }

  @Test
  void shouldStartAtTheLogStartWhenClickHouseHoldsNothingAndNoCommitExists() {
    // when
    ResumePoint point = ResumePlanner.withoutCommit(OptionalLong.empty(), 17);

    // then
    assertThat(point.startOffset()).isEqualTo(17);
  }

  @Test
  void shouldStartAtTheLogStartWhenRetentionDeletedRecordsBeyondWhatClickHouseHolds() {
    // when
    ResumePoint point = ResumePlanner.withoutCommit(OptionalLong.of(10), 500);

    // then
    assertThat(point.startOffset()).isEqualTo(500);
  }
}
