package dev.tollgate.analytics.writer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RowBinaryTest {

  @Test
  void shouldWriteIntegersLittleEndianInTheirColumnWidth() {
    // given
    RowBinary out = new RowBinary(1);

    // when
    out.uint8(1);
    out.uint32(0xFFFF_FFFEL);
    out.int64(-2);

    // then
    assertThat(hex(out)).isEqualTo("01" + "feffffff" + "feffffffffffffff");
  }

  @Test
  void shouldWriteMoneyAsTheUnscaledInt128AtScaleTwelve() {
    // given
    RowBinary out = new RowBinary(1);

    // when
    out.decimal128("cost_usd", new BigDecimal("1E-12"), 12);
    out.decimal128("cost_usd", new BigDecimal("-0.000000000001"), 12);
    out.decimal128("cost_usd", new BigDecimal("-99999999999999999999999999.999999999999"), 12);

    // then
    assertThat(hex(out).substring(0, 64)).isEqualTo("01" + "00".repeat(15) + "ff".repeat(16));
    RowBinaryReader back = new RowBinaryReader(out.toByteArray());
    back.value("Decimal(38, 12)");
    back.value("Decimal(38, 12)");
    assertThat(back.value("Decimal(38, 12)")).isEqualTo(new BigDecimal("-99999999999999999999999999.999999999999"));
  }

  @Test
  void shouldRefuseADecimalTheColumnCannotHoldNamingTheField() {
    // given
    RowBinary out = new RowBinary(1);

    // when / then
    assertThatThrownBy(() -> out.decimal128("amount_usd", new BigDecimal("1E+26"), 12))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount_usd: ").hasMessageContaining("Decimal(38, 12)");
    assertThatThrownBy(() -> out.decimal128("cost_usd", new BigDecimal("0.0000000000001"), 12))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cost_usd: ").hasMessageContaining("12 decimals");
    assertThatThrownBy(() -> out.decimal64("audio_seconds", new BigDecimal("1E+15"), 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Decimal(18, 3)");
  }

  @Test
  void shouldWriteDateTimeAsUnsignedSecondsAndRefuseTimesOutsideItsRange() {
    // given
    RowBinary out = new RowBinary(1);

    // when
    out.dateTime("occurred_at", Instant.parse("1970-01-01T00:00:00Z"));
    out.dateTime("occurred_at", Instant.parse("2106-02-07T06:28:15.999Z"));

    // then
    assertThat(hex(out)).isEqualTo("00000000" + "ffffffff");
    assertThatThrownBy(() -> out.dateTime("priced_at", Instant.parse("1969-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("priced_at: ");
    assertThatThrownBy(() -> out.dateTime("priced_at", Instant.parse("2106-02-07T06:28:16Z")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("priced_at: ");
  }

  @Test
  void shouldPrefixStringsWithTheirUtf8LengthAndKeepEveryCharacterUnescaped() {
    // given
    String nasty = "tab\tnew\nline\r\u0000\u0001\\ \"q\" é € 😀 " + "x".repeat(200);
    RowBinary out = new RowBinary(1);

    // when
    out.string("");
    out.string(nasty);

    // then
    RowBinaryReader back = new RowBinaryReader(out.toByteArray());
    assertThat(back.value("String")).isEqualTo("");
    assertThat(back.value("String")).isEqualTo(nasty);
    assertThat(back.atEnd()).isTrue();
    assertThat(RowBinary.utf8Length(nasty)).isGreaterThan(127);
  }

  @Test
  void shouldReplaceALoneSurrogateInsteadOfWritingInvalidUtf8() {
    // given
    RowBinary out = new RowBinary(1);

    // when
    out.string("a\uD800b\uDC00");

    // then
    assertThat(new RowBinaryReader(out.toByteArray()).value("String")).isEqualTo("a\uFFFDb\uFFFD");
  }

  private static String hex(RowBinary out) {
    return HexFormat.of().formatHex(out.toByteArray());
  }
}
