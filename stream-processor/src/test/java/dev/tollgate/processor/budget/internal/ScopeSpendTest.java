package dev.tollgate.processor.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class ScopeSpendTest {
  private final Serde<ScopeSpend> serde = ScopeSpend.serde();

  @Test
  void shouldRoundTripNullScopesNonAsciiNamesAndNegativeExactSpend() {
    // given
    ScopeSpend spend = new ScopeSpend(null, "jürgen", "", new BigDecimal("-12.000000000001"), 1_772_000_000_123L);

    // when
    ScopeSpend back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", spend));

    // then
    assertThat(back).isEqualTo(spend);
  }

  @Test
  void shouldReadAndWriteTheLayoutThatStoresAndChangelogsAlreadyHold() throws IOException {
    // given: a bucket as the data-stream writer of earlier versions laid it out
    ScopeSpend spend = new ScopeSpend("search", null, "chat", new BigDecimal("1234567.000000000042"), 42L);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      Binary.writeString(out, "search");
      Binary.writeString(out, null);
      Binary.writeString(out, "chat");
      Binary.writeDecimal(out, spend.spend());
      out.writeLong(42L);
    }

    // when
    ScopeSpend read = serde.deserializer().deserialize("t", bytes.toByteArray());
    byte[] written = serde.serializer().serialize("t", spend);

    // then
    assertThat(read).isEqualTo(spend);
    assertThat(written).isEqualTo(bytes.toByteArray());
  }

  @Test
  void shouldRefuseATruncatedBucketWithASerializationError() {
    // given
    byte[] whole = serde.serializer().serialize("t", new ScopeSpend("a", "b", "c", BigDecimal.ONE, 1L));
    byte[] truncated = Arrays.copyOf(whole, whole.length - 3);

    // when / then
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("scope spend");
  }
}
