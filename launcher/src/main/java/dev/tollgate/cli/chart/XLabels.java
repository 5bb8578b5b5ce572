package dev.tollgate.cli.chart;

import dev.tollgate.cli.chart.Canvas.Anchor;
import dev.tollgate.cli.chart.Canvas.TextStyle;
import java.util.List;

/**
 * How the x labels are set: level when each fits its slot, otherwise turned 45 degrees, and only
 * every n-th when even turned labels would overlap.
 */
record XLabels(List<String> texts, boolean rotated, int every, double widest) {
  static final int SIZE = 11;
  private static final int MAX_CHARS = 24;
  private static final double LEVEL_GAP = 6;
  private static final double ROTATED_SPACING = SIZE * 1.6;
  private static final double SIN_45 = Math.sqrt(0.5);
  private static final double AXIS_GAP = 12;

  static XLabels fit(List<String> labels, double slotWidth, Canvas canvas) {
    List<String> texts = labels.stream().map(label -> Labels.shortened(label, MAX_CHARS)).toList();
    double widest = texts.stream().mapToDouble(text -> canvas.textWidth(text, SIZE, false)).max().orElse(0);
    if (widest + LEVEL_GAP <= slotWidth) {
      return new XLabels(texts, false, 1, widest);
    }
    int every = Math.max(1, (int) Math.ceil(ROTATED_SPACING / slotWidth));
    return new XLabels(texts, true, every, widest);
  }

  /** Room needed under the plot. */
  double height() {
    return rotated ? (widest + SIZE) * SIN_45 + AXIS_GAP : SIZE + AXIS_GAP;
  }

  /** How far the first label reaches left of its slot centre. */
  double reachLeft() {
    return rotated ? widest * SIN_45 : widest / 2;
  }

  void draw(Plot plot, Canvas canvas) {
    TextStyle level = TextStyle.plain(SIZE, Anchor.MIDDLE, Palette.TEXT);
    TextStyle turned = TextStyle.plain(SIZE, Anchor.END, Palette.TEXT).rotated(-45);
    for (int i = 0; i < texts.size(); i += every) {
      double x = plot.centerX(i);
      if (rotated) {
        canvas.text(texts.get(i), x + SIZE * 0.35, plot.bottom() + AXIS_GAP, turned);
      } else {
        canvas.text(texts.get(i), x, plot.bottom() + AXIS_GAP + SIZE * 0.5, level);
      }
    }
  }
}
