package dev.tollgate.alerting.channel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.alerting.channel.DeliveryResult;
import dev.tollgate.alerting.channel.DeliveryResult.Outcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpPostTest {

  @Test
  void shouldAcceptEvery2xx() {
    assertThat(HttpPost.classify(200, "ok", Optional.empty(), Optional.empty()).outcome()).isEqualTo(Outcome.ACCEPTED);
    assertThat(HttpPost.classify(202, "", Optional.empty(), Optional.empty()).outcome()).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void shouldRetryServerErrorsTimeoutsAndThrottlingWithRetryAfter() {
    // when
    DeliveryResult throttled = HttpPost.classify(429, "slow down", Optional.of("7"), Optional.empty());
    DeliveryResult down = HttpPost.classify(503, "", Optional.of("Wed, 21 Oct 2026 07:28:00 GMT"), Optional.empty());

    // then
    assertThat(throttled).isEqualTo(new DeliveryResult(Outcome.RETRY, "HTTP 429: slow down", Duration.ofSeconds(7)));
    assertThat(down).isEqualTo(new DeliveryResult(Outcome.RETRY, "HTTP 503", null));
    assertThat(HttpPost.classify(408, "", Optional.empty(), Optional.empty()).outcome()).isEqualTo(Outcome.RETRY);
  }

  @Test
  void shouldRefuseOtherClientErrorsAndRedirectsForGood() {
    // when
    DeliveryResult gone = HttpPost.classify(404, "no_service", Optional.empty(), Optional.empty());
    DeliveryResult moved = HttpPost.classify(301, "", Optional.empty(), Optional.of("https://new.example/hook"));

    // then
    assertThat(gone).isEqualTo(DeliveryResult.refused("HTTP 404: no_service"));
    assertThat(moved.outcome()).isEqualTo(Outcome.REFUSED);
    assertThat(moved.detail()).contains("redirected to https://new.example/hook");
  }
}
