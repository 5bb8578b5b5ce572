package dev.tollgate.alerting.dispatch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumeHintTest {

  @Test
  void shouldRoundTripTheAlertAndTheChannelsThatTookIt() {
    // given
    ResumeHint hint = new ResumeHint("acme|month/2026-03/threshold-90", Set.of("ops-hook", "slack.main"));

    // when
    ResumeHint back = ResumeHint.decode(hint.encode()).orElseThrow();

    // then
    assertThat(back).isEqualTo(hint);
  }

  @Test
  void shouldSayNothingWithoutChannelsOrForForeignMetadata() {
    // when / then
    assertThat(new ResumeHint("a", Set.of()).encode()).isEmpty();
    assertThat(new ResumeHint("a".repeat(5_000), Set.of("x")).encode()).as("too long for the broker").isEmpty();
    assertThat(ResumeHint.decode("")).isEmpty();
    assertThat(ResumeHint.decode("written by some other tool")).isEmpty();
    assertThat(ResumeHint.decode(null)).isEmpty();
  }
}
