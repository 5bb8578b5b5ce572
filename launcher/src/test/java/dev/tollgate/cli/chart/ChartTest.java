package dev.tollgate.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartTest {

  @Test
  void shouldRejectSeriesWithFewerValuesThanXLabels() {
    // given
    Series short_ = new Series("team-a", List.of(new BigDecimal("1.5"), new BigDecimal("2")));
    List<String> days = List.of("2026-03-01", "2026-03-02", "2026-03-03");

    // when / then
    assertThatThrownBy(() -> new Chart("Daily spend", ChartKind.LINE, days, List.of(short_), "USD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("series 'team-a'")
        .hasMessageContaining("has 2 values")
        .hasMessageContaining("3 x labels");
  }

  @Test
  void shouldRejectSeriesWithMoreValuesThanXLabels() {
    // given
    Series long_ = new Series("gpt-4o", List.of(BigDecimal.ONE, BigDecimal.TEN));

    // when / then
    assertThatThrownBy(() -> new Chart("By model", ChartKind.BAR, List.of("openai"), List.of(long_), "USD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("series 'gpt-4o'")
        .hasMessageContaining("has 2 values")
        .hasMessageContaining("1 x labels");
  }

  @Test
  void shouldRejectMissingValueNamingSeriesAndIndex() {
    // given
    List<BigDecimal> withGap = Arrays.asList(BigDecimal.ONE, null);

    // when / then
    assertThatThrownBy(() -> new Series("team-b", withGap))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("series 'team-b' value at index 1: must not be null");
  }

  @Test
  void shouldRejectMissingTitleKindLabelsAndUnit() {
    // given
    List<String> labels = List.of("a");
    List<Series> series = List.of(new Series("s", List.of(BigDecimal.ONE)));

    // when / then
    assertThatThrownBy(() -> new Chart(null, ChartKind.BAR, labels, series, "USD")).hasMessageContaining("title");
    assertThatThrownBy(() -> new Chart("t", null, labels, series, "USD")).hasMessageContaining("kind");
    assertThatThrownBy(() -> new Chart("t", ChartKind.BAR, Arrays.asList("a", null), series, "USD"))
        .hasMessageContaining("xLabels at index 1");
    assertThatThrownBy(() -> new Chart("t", ChartKind.BAR, labels, series, null)).hasMessageContaining("valueLabel");
  }

  @Test
  void shouldKeepItsOwnCopyOfLabelsAndValues() {
    // given
    List<String> labels = new ArrayList<>(List.of("a"));
    List<BigDecimal> values = new ArrayList<>(List.of(BigDecimal.ONE));
    Chart chart = new Chart("t", ChartKind.BAR, labels, List.of(new Series("s", values)), "USD");

    // when
    labels.add("b");
    values.add(BigDecimal.TEN);

    // then
    assertThat(chart.xLabels()).containsExactly("a");
    assertThat(chart.series().get(0).values()).containsExactly(BigDecimal.ONE);
  }
}
