package dev.tollgate.analytics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TabSeparatedTest {

  @Test
  void shouldReadHeaderAndRows() {
    // given
    String body = "tenant_id\tcost\nacme\t1.500000000000\nglobex\t-0.000000000001\n";

    // when
    Rows rows = TabSeparated.parseWithNames(body);

    // then
    assertThat(rows.columns()).containsExactly("tenant_id", "cost");
    assertThat(rows.size()).isEqualTo(2);
    assertThat(rows.get(1, "tenant_id")).isEqualTo("globex");
    assertThat(rows.get(1, "cost")).isEqualTo("-0.000000000001");
  }

  @Test
  void shouldUndoEscapesOfTabsNewlinesBackslashesQuotesAndNul() {
    // given: ClickHouse's text form of a\tb, c\nd, e\f, it's, x\0y and a single backslash
    String body = "v\na\\tb\nc\\nd\ne\\\\f\nit\\'s\nx\\0y\n\\\\\n";

    // when
    Rows rows = TabSeparated.parseWithNames(body);

    // then
    assertThat(rows.rows().stream().map(r -> r.get(0)))
        .containsExactly("a\tb", "c\nd", "e\\f", "it's", "x\0y", "\\");
  }

  @Test
  void shouldReadNullMarkerAsNullAndEmptyFieldsAsEmptyStrings() {
    // given
    String body = "a\tb\tc\n\\N\t\t\n";

    // when
    Rows rows = TabSeparated.parseWithNames(body);

    // then
    assertThat(rows.rows().get(0)).isEqualTo(Arrays.asList(null, "", ""));
  }

  @Test
  void shouldReadAnEmptyAnswerAsNoColumnsAndNoRows() {
    // when
    Rows rows = TabSeparated.parseWithNames("");

    // then
    assertThat(rows.columns()).isEmpty();
    assertThat(rows.rows()).isEmpty();
  }

  @Test
  void shouldKeepNonAsciiTextAsIs() {
    // when
    Rows rows = TabSeparated.parseWithNames("user\nzoë 😀\n");

    // then
    assertThat(rows.get(0, "user")).isEqualTo("zoë 😀");
  }

  @Test
  void shouldRefuseARowWhoseFieldCountDiffersFromTheHeader() {
    assertThatThrownBy(() -> TabSeparated.parseWithNames("a\tb\nonly-one\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 fields, header has 2");
  }
}
