package dev.tollgate.ingest.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void shouldRefuseOverEitherLimitAndHoldNothingForARefusal() {
    // given
    Admission admission = new Admission(2, 1_000);

    // when
    boolean first = admission.tryEnter(600);
    boolean tooManyBytes = admission.tryEnter(500);
    boolean second = admission.tryEnter(400);
    boolean tooManyRequests = admission.tryEnter(0);

    // then
    assertThat(first).isTrue();
    assertThat(tooManyBytes).isFalse();
    assertThat(second).isTrue();
    assertThat(tooManyRequests).isFalse();
    assertThat(admission.requests()).isEqualTo(2);
    assertThat(admission.bytes()).isEqualTo(1_000);

    // and when one leaves
    admission.leave(600);

    // then
    assertThat(admission.tryEnter(600)).isTrue();
  }
}
