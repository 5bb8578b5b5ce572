package dev.tollgate.cli.chart;

import dev.tollgate.cli.chart.Canvas.Anchor;
import dev.tollgate.cli.chart.Canvas.TextStyle;
import java.util.List;

/** The series names and colours, in a column right of the plot; only drawn for more than one series. */
final class Legend {
  private static final int SIZE = 12;
  private static final int MAX_CHARS = 24;
  private static final double ROW = 20;
  private static final double SWATCH = 12;
  private static final double SWATCH_GAP = 6;
  private static final double PLOT_GAP = 20;

  private Legend() {}

  /** Room needed right of the plot; none for a single series. */
  static double width(List<Series> series, Canvas canvas) {
    if (series.size() <= 1) {
      return 0;
    }
    double widest = series.stream()
        .mapToDouble(one -> canvas.textWidth(Labels.shortened(one.name(), MAX_CHARS), SIZE, false))
        .max()
        .orElse(0);
    return PLOT_GAP + SWATCH + SWATCH_GAP + widest;
  }

  static void draw(List<Series> series, Plot plot, Canvas canvas) {
    if (series.size() <= 1) {
      return;
    }
    int rows = Math.max(1, (int) ((plot.bottom() - plot.top()) / ROW));
    int shown = series.size() <= rows ? series.size() : rows - 1;
    double x = plot.right() + PLOT_GAP;
    TextStyle style = TextStyle.plain(SIZE, Anchor.START, Palette.TEXT);
    for (int i = 0; i < shown; i++) {
      double y = plot.top() + i * ROW;
      canvas.rect(x, y, SWATCH, SWATCH, Palette.series(i));
      canvas.text(Labels.shortened(series.get(i).name(), MAX_CHARS), x + SWATCH + SWATCH_GAP, y + SWATCH - 1, style);
    }
    if (shown < series.size()) {
      canvas.text("+" + (series.size() - shown) + " more", x, plot.top() + shown * ROW + SWATCH - 1, style);
    }
  }
}
