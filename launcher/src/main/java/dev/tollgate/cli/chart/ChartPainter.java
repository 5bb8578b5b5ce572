package dev.tollgate.cli.chart;

import dev.tollgate.cli.chart.Canvas.Anchor;
import dev.tollgate.cli.chart.Canvas.TextStyle;
import java.math.BigDecimal;
import java.util.List;

/** Lays a chart out on a canvas and draws title, grid, value axis, series, x labels and legend. */
final class ChartPainter {
  private static final double PAD = 16;
  private static final int TITLE_SIZE = 18;
  private static final int TITLE_MAX_CHARS = 100;
  private static final double TITLE_BASELINE = 34;
  private static final double PLOT_TOP = 64;
  private static final int TICK_SIZE = 11;
  private static final double TICK_GAP = 6;
  private static final int UNIT_SIZE = 12;
  private static final int UNIT_MAX_CHARS = 40;
  private static final double UNIT_COLUMN = 22;

  private ChartPainter() {}

  static void paint(Chart chart, Canvas canvas) {
    canvas.rect(0, 0, canvas.width(), canvas.height(), Palette.BACKGROUND);
    TextStyle titleStyle = TextStyle.plain(TITLE_SIZE, Anchor.MIDDLE, Palette.TEXT).bolder();
    canvas.text(Labels.shortened(chart.title(), TITLE_MAX_CHARS), canvas.width() / 2.0, TITLE_BASELINE, titleStyle);
    if (chart.xLabels().isEmpty() || chart.series().isEmpty()) {
      TextStyle note = TextStyle.plain(UNIT_SIZE + 2, Anchor.MIDDLE, Palette.MUTED_TEXT);
      canvas.text("No data", canvas.width() / 2.0, canvas.height() / 2.0, note);
      return;
    }
    ValueAxis axis = ValueAxis.covering(chart.series());
    List<String> tickTexts = axis.ticks().stream().map(Labels::number).toList();
    double widestTick = tickTexts.stream().mapToDouble(t -> canvas.textWidth(t, TICK_SIZE, false)).max().orElse(0);
    double unitColumn = chart.valueLabel().isBlank() ? 0 : UNIT_COLUMN;
    double left = PAD + unitColumn + widestTick + TICK_GAP;
    double right = canvas.width() - PAD - Legend.width(chart.series(), canvas);
    int slots = chart.xLabels().size();
    XLabels xLabels = XLabels.fit(chart.xLabels(), (right - left) / slots, canvas);
    left = Math.max(left, PAD + xLabels.reachLeft() - (right - left) / slots / 2);
    double bottom = canvas.height() - PAD - xLabels.height();
    Plot plot = new Plot(left, PLOT_TOP, right, bottom, slots, axis);

    drawGrid(plot, tickTexts, canvas);
    drawUnit(chart.valueLabel(), plot, canvas);
    SeriesPainter.paint(chart, plot, canvas);
    drawAxes(plot, canvas);
    xLabels.draw(plot, canvas);
    Legend.draw(chart.series(), plot, canvas);
  }

  private static void drawGrid(Plot plot, List<String> tickTexts, Canvas canvas) {
    TextStyle style = TextStyle.plain(TICK_SIZE, Anchor.END, Palette.MUTED_TEXT);
    List<BigDecimal> ticks = plot.axis().ticks();
    for (int i = 0; i < ticks.size(); i++) {
      double y = plot.y(ticks.get(i));
      canvas.line(plot.left(), y, plot.right(), y, Palette.GRID, 1);
      canvas.text(tickTexts.get(i), plot.left() - TICK_GAP, y + TICK_SIZE * 0.35, style);
    }
  }

  private static void drawUnit(String valueLabel, Plot plot, Canvas canvas) {
    if (valueLabel.isBlank()) {
      return;
    }
    TextStyle style = TextStyle.plain(UNIT_SIZE, Anchor.MIDDLE, Palette.MUTED_TEXT).rotated(-90);
    double middle = (plot.top() + plot.bottom()) / 2;
    canvas.text(Labels.shortened(valueLabel, UNIT_MAX_CHARS), PAD + UNIT_SIZE, middle, style);
  }

  private static void drawAxes(Plot plot, Canvas canvas) {
    double zero = plot.y(BigDecimal.ZERO);
    canvas.line(plot.left(), plot.top(), plot.left(), plot.bottom(), Palette.AXIS, 1);
    canvas.line(plot.left(), zero, plot.right(), zero, Palette.AXIS, 1.2);
  }
}
