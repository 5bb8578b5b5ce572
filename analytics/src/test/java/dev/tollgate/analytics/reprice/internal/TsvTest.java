package dev.tollgate.analytics.reprice.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TsvTest {
  @Test
  void shouldReadArraysOfStringsAsClickHouseWritesThem() {
    // given
    String field = "['k\\'1','tab\\there','back\\\\slash','']";

    // when
    List<String> values = Tsv.stringArray(field);

    // then
    assertThat(values).containsExactly("k'1", "tab\there", "back\\slash", "");
    assertThat(Tsv.stringArray("[]")).isEmpty();
  }

  @Test
  void shouldEscapeWhatTheFormatEscapesAndReadItBack() {
    // given
    String text = "a\tb\nc\\d'e";

    // when
    String escaped = Tsv.escape(text);

    // then
    assertThat(escaped).doesNotContain("\t", "\n").isEqualTo("a\\tb\\nc\\\\d'e");
    assertThat(Tsv.unescape(escaped)).isEqualTo(text);
    assertThat(Tsv.escape(null)).isEqualTo("\\N");
    assertThat(Tsv.unescape("\\N")).isNull();
  }

  @Test
  void shouldSplitALineIntoExactlyTheExpectedFields() {
    assertThat(Tsv.split("a\t\tc", 3)).containsExactly("a", "", "c");
    assertThatThrownBy(() -> Tsv.split("a\tb", 3)).hasMessageContaining("expected 3 fields");
    assertThatThrownBy(() -> Tsv.split("a\tb\tc\td", 3)).hasMessageContaining("found more");
  }

  @Test
  void shouldReadAndWriteDateTimesInUtc() {
    // given
    Instant at = Instant.parse("2026-10-01T09:05:07Z");

    // when
    String text = Tsv.dateTime(at.plusMillis(999));

    // then
    assertThat(text).isEqualTo("2026-10-01 09:05:07");
    assertThat(Tsv.dateTime(text)).isEqualTo(at);
    assertThatThrownBy(() -> Tsv.dateTime("2026-10-01T09:05:07")).hasMessageContaining("not a DateTime");
  }

  @Test
  void shouldWriteMoneyExactlyAtTheColumnScaleOrRefuseIt() {
    assertThat(Tsv.money("cost_usd", new BigDecimal("1.5"))).isEqualTo("1.500000000000");
    assertThat(Tsv.money("cost_usd", new BigDecimal("-0.000000000001"))).isEqualTo("-0.000000000001");
    assertThat(Tsv.money("cost_usd", null)).isEqualTo("\\N");
    assertThatThrownBy(() -> Tsv.money("cost_usd", new BigDecimal("0.0000000000001")))
        .hasMessageContaining("cost_usd").hasMessageContaining("more than 12 decimals");
  }
}
