package dev.tollgate.alerting.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {

  @Test
  void shouldBeTheHmacSha256OfTheBody() {
    // given RFC 4231 test case 2
    byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);

    // when
    String signature = Signature.sign("Jefe", body);

    // then
    assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void shouldVerifyOnlyTheExactBodyUnderTheSameSecret() {
    // given
    byte[] body = "{\"type\":\"alert\"}".getBytes(StandardCharsets.UTF_8);
    String signature = Signature.sign("change-me", body);

    // when / then
    assertThat(Signature.verify("change-me", body, signature)).isTrue();
    assertThat(Signature.verify("other", body, signature)).isFalse();
    assertThat(Signature.verify("change-me", "{\"type\":\"alert\" }".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    assertThat(Signature.verify("change-me", body, null)).isFalse();
  }
}
