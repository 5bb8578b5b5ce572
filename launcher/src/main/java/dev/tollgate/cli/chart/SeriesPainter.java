package dev.tollgate.cli.chart;

import dev.tollgate.cli.chart.Canvas.Anchor;
import dev.tollgate.cli.chart.Canvas.TextStyle;
import java.math.BigDecimal;
import java.util.List;

/** Draws the values: grouped bars growing from zero, or one line per series. */
final class SeriesPainter {
  private static final double GROUP_SHARE = 0.8;
  private static final double BAR_GAP = 1;
  private static final int VALUE_SIZE = 11;
  private static final double VALUE_GAP = 4;
  private static final double LINE_WIDTH = 2;
  private static final double DOT_RADIUS = 3;
  private static final double LONE_DOT_RADIUS = 5;
  private static final double MIN_SLOT_FOR_DOTS = 8;

  private SeriesPainter() {}

  static void paint(Chart chart, Plot plot, Canvas canvas) {
    switch (chart.kind()) {
      case BAR -> paintBars(chart.series(), plot, canvas);
      case LINE -> paintLines(chart.series(), plot, canvas);
    }
  }

  private static void paintBars(List<Series> series, Plot plot, Canvas canvas) {
    double group = plot.slotWidth() * GROUP_SHARE;
    double bar = group / series.size();
    double gap = bar > 4 * BAR_GAP ? BAR_GAP : 0;
    double zero = plot.y(BigDecimal.ZERO);
    boolean labelled = valuesFit(series, bar, canvas);
    for (int s = 0; s < series.size(); s++) {
      List<BigDecimal> values = series.get(s).values();
      for (int i = 0; i < values.size(); i++) {
        double x = plot.centerX(i) - group / 2 + s * bar;
        double y = plot.y(values.get(i));
        double top = Math.min(y, zero);
        double height = Math.abs(y - zero);
        canvas.rect(x + gap, top, bar - 2 * gap, height, Palette.series(s));
        if (labelled) {
          labelBar(values.get(i), x + bar / 2, top, height, plot, canvas);
        }
      }
    }
  }

  /** Values go on all bars or on none, so a missing one is never read as a missing bar. */
  private static boolean valuesFit(List<Series> series, double bar, Canvas canvas) {
    return series.stream()
        .flatMap(one -> one.values().stream())
        .allMatch(value -> canvas.textWidth(Labels.rounded(value), VALUE_SIZE, false) <= bar);
  }

  /** Above a bar, below one that goes negative, inside it when that is off the plot, or not at all. */
  private static void labelBar(BigDecimal value, double centerX, double top, double height, Plot plot,
      Canvas canvas) {
    String text = Labels.rounded(value);
    TextStyle outside = TextStyle.plain(VALUE_SIZE, Anchor.MIDDLE, Palette.TEXT);
    if (value.signum() >= 0) {
      canvas.text(text, centerX, top - VALUE_GAP, outside);
      return;
    }
    double below = top + height + VALUE_GAP + VALUE_SIZE;
    if (below <= plot.bottom()) {
      canvas.text(text, centerX, below, outside);
    } else if (height >= VALUE_SIZE + 2 * VALUE_GAP) {
      TextStyle inside = TextStyle.plain(VALUE_SIZE, Anchor.MIDDLE, Palette.ON_BAR_TEXT);
      canvas.text(text, centerX, top + height - VALUE_GAP, inside);
    }
  }

  private static void paintLines(List<Series> series, Plot plot, Canvas canvas) {
    boolean dots = plot.slots() == 1 || plot.slotWidth() >= MIN_SLOT_FOR_DOTS;
    double radius = plot.slots() == 1 ? LONE_DOT_RADIUS : DOT_RADIUS;
    for (int s = 0; s < series.size(); s++) {
      List<BigDecimal> values = series.get(s).values();
      double[] xs = new double[values.size()];
      double[] ys = new double[values.size()];
      for (int i = 0; i < values.size(); i++) {
        xs[i] = plot.centerX(i);
        ys[i] = plot.y(values.get(i));
      }
      if (values.size() > 1) {
        canvas.polyline(xs, ys, Palette.series(s), LINE_WIDTH);
      }
      for (int i = 0; dots && i < values.size(); i++) {
        canvas.dot(xs[i], ys[i], radius, Palette.series(s));
      }
    }
  }
}
