package dev.tollgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DiskRoomTest {
  private static final Path DATA = Path.of("/srv/tollgate/.tollgate");

  @Test
  void shouldRefuseARunTheDiskCannotHoldAndSayWhatToDo() {
    // given: 2.3M events (a 2M run and its warm-up) and 3 GB free
    long events = 2_300_000;
    long free = 3_000_000_000L;

    // when
    var shortage = DiskRoom.shortage(events, free, DATA);

    // then
    assertThat(shortage).hasValueSatisfying(message -> assertThat(message)
        .contains("2,300,000 events", "about 4.5 GB free under /srv/tollgate/.tollgate", "3.0 GB is free",
            "./tollgate down", "/srv/tollgate/.tollgate/kafka"));
  }

  @Test
  void shouldLetARunThroughWhenTheDiskHoldsItWithTheMarginToSpare() {
    // given
    long events = 2_300_000;
    long exactlyEnough = events * DiskRoom.BYTES_PER_EVENT + DiskRoom.MARGIN_BYTES;

    // when / then
    assertThat(DiskRoom.shortage(events, exactlyEnough, DATA)).isEmpty();
    assertThat(DiskRoom.shortage(events, exactlyEnough - 1, DATA)).isPresent();
  }
}
