package dev.tollgate.cli.chart;

import static dev.tollgate.cli.chart.Charts.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.cli.chart.RecordingCanvas.Rect;
import dev.tollgate.cli.chart.RecordingCanvas.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartPainterTest {
  private static final String FIRST_SERIES = Palette.series(0);

  private final RecordingCanvas canvas = new RecordingCanvas();

  @Test
  void shouldDrawCreditBarDownFromTheSameZeroLine() {
    // given
    Chart chart = Charts.breakdown(ChartKind.BAR, List.of("search", "refunds"), series("spend", "10", "-5"));

    // when
    ChartPainter.paint(chart, canvas);

    // then
    List<Rect> bars = canvas.rectsIn(FIRST_SERIES);
    assertThat(bars).hasSize(2);
    Rect spend = bars.get(0);
    Rect credit = bars.get(1);
    assertThat(credit.y()).isCloseTo(spend.y() + spend.height(), within(1e-6));
    assertThat(spend.height()).isCloseTo(2 * credit.height(), within(1e-6));
    assertThat(canvas.textStrings()).contains("10.00", "-5.00");
  }

  @Test
  void shouldDrawFlatBarsWithoutDividingByZeroWhenAllValuesAreZero() {
    // given
    Chart chart = Charts.breakdown(ChartKind.BAR, List.of("a", "b"), series("spend", "0", "0.000000000000"));

    // when
    ChartPainter.paint(chart, canvas);

    // then
    assertThat(canvas.rectsIn(FIRST_SERIES)).hasSize(2).allSatisfy(bar -> assertThat(bar.height()).isZero());
    assertThat(canvas.coordinates).allSatisfy(c -> assertThat(c).isFinite().isBetween(-1.0, 1201.0));
  }

  @Test
  void shouldDrawSinglePointAsOneDotInTheMiddle() {
    // given
    Chart chart = Charts.dailyTrend(series("spend", "42.5"));

    // when
    ChartPainter.paint(chart, canvas);

    // then
    assertThat(canvas.polylines).isEmpty();
    assertThat(canvas.dots).hasSize(1);
    assertThat(canvas.dots.get(0).x()).isBetween(500.0, 700.0);
    assertThat(canvas.coordinates).allSatisfy(c -> assertThat(c).isFinite());
  }

  @Test
  void shouldDrawOneLinePerSeriesAndLegendForSeveral() {
    // given
    Chart chart = Charts.dailyTrend(series("team-a", "1", "2", "3"), series("team-b", "3", "-1", "0"));

    // when
    ChartPainter.paint(chart, canvas);

    // then
    assertThat(canvas.polylines).extracting(RecordingCanvas.Polyline::stroke)
        .containsExactly(Palette.series(0), Palette.series(1));
    assertThat(canvas.textStrings()).contains("team-a", "team-b", "USD", "Daily spend, March 2026");
  }

  @Test
  void shouldLeaveOutLegendForOneSeries() {
    // given
    Chart chart = Charts.dailyTrend(series("only-series", "1", "2"));

    // when
    ChartPainter.paint(chart, canvas);

    // then
    assertThat(canvas.textStrings()).doesNotContain("only-series");
  }

  @Test
  void shouldTurnAndThinCrowdedDayLabels() {
    // given
    String[] values = Collections.nCopies(90, "1.25").toArray(String[]::new);
    List<String> days = new ArrayList<>();
    for (int i = 0; i < 90; i++) {
      days.add("2026-day-" + (i + 100));
    }
    Chart chart = Charts.breakdown(ChartKind.LINE, days, series("spend", values));

    // when
    ChartPainter.paint(chart, canvas);

    // then
    List<Text> dayLabels = canvas.texts.stream().filter(t -> t.text().startsWith("2026-day-")).toList();
    assertThat(dayLabels).hasSizeBetween(10, 89).first().extracting(Text::text).isEqualTo("2026-day-100");
    assertThat(dayLabels).allSatisfy(t -> assertThat(t.style().rotationDegrees()).isEqualTo(-45));
  }

  @Test
  void shouldKeepFewLabelsLevelAndShowValuesOnBarsThatFit() {
    // given
    Chart chart = Charts.breakdown(ChartKind.BAR, List.of("search", "chat"), series("spend", "1234.5", "0.5"));

    // when
    ChartPainter.paint(chart, canvas);

    // then
    assertThat(canvas.texts).filteredOn(t -> t.text().equals("search"))
        .singleElement().satisfies(t -> assertThat(t.style().rotationDegrees()).isZero());
    assertThat(canvas.textStrings()).contains("1,234.50", "0.5");
  }

  @Test
  void shouldLeaveOutValuesThatAreWiderThanTheirBars() {
    // given
    Chart thirty = Charts.thirtyTeams();
    Series other = thirty.series().get(0);
    Chart grouped = new Chart("Spend by team", ChartKind.BAR, thirty.xLabels(),
        List.of(other, new Series("last month", other.values()), new Series("forecast", other.values())), "USD");

    // when
    ChartPainter.paint(grouped, canvas);

    // then
    assertThat(canvas.rectsIn(Palette.series(2))).as("thirty bars and one legend swatch").hasSize(31);
    assertThat(canvas.textStrings()).doesNotContain("2,700.01");
  }

  @Test
  void shouldPutValuesOnAllBarsOrOnNone() {
    // given
    Chart thirty = Charts.thirtyTeams();

    // when
    ChartPainter.paint(thirty, canvas);

    // then
    assertThat(canvas.textStrings()).as("the narrowest value fits its bar, the widest does not")
        .doesNotContain("3.01", "2,700.01");
  }

  @Test
  void shouldSayNoDataForAnEmptyChart() {
    // given
    Chart chart = new Chart("Nothing yet", ChartKind.LINE, List.of(), List.of(), "USD");

    // when
    ChartPainter.paint(chart, canvas);

    // then
    assertThat(canvas.textStrings()).containsExactly("Nothing yet", "No data");
  }
}
