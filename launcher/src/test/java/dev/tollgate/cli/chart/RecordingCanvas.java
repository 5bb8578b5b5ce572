package dev.tollgate.cli.chart;

import java.util.ArrayList;
import java.util.List;

/** Keeps what was drawn, with text widths like the SVG estimate, so tests can check the geometry. */
final class RecordingCanvas implements Canvas {
  record Rect(double x, double y, double width, double height, String fill) {}

  record Text(String text, double x, double y, TextStyle style) {}

  record Dot(double x, double y, String fill) {}

  record Polyline(double[] xs, double[] ys, String stroke) {}

  final List<Rect> rects = new ArrayList<>();
  final List<Text> texts = new ArrayList<>();
  final List<Dot> dots = new ArrayList<>();
  final List<Polyline> polylines = new ArrayList<>();
  final List<Double> coordinates = new ArrayList<>();

  @Override
  public int width() {
    return ChartWriter.WIDTH;
  }

  @Override
  public int height() {
    return ChartWriter.HEIGHT;
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    rects.add(new Rect(x, y, width, height, fill));
    coordinates.addAll(List.of(x, y, x + width, y + height));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    coordinates.addAll(List.of(x1, y1, x2, y2));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String stroke, double strokeWidth) {
    polylines.add(new Polyline(xs, ys, stroke));
    for (int i = 0; i < xs.length; i++) {
      coordinates.addAll(List.of(xs[i], ys[i]));
    }
  }

  @Override
  public void dot(double x, double y, double radius, String fill) {
    dots.add(new Dot(x, y, fill));
    coordinates.addAll(List.of(x, y));
  }

  @Override
  public void text(String text, double x, double y, TextStyle style) {
    texts.add(new Text(text, x, y, style));
    coordinates.addAll(List.of(x, y));
  }

  @Override
  public double textWidth(String text, int size, boolean bold) {
    return new SvgCanvas(1, 1).textWidth(text, size, bold);
  }

  List<Rect> rectsIn(String fill) {
    return rects.stream().filter(rect -> rect.fill().equals(fill)).toList();
  }

  List<String> textStrings() {
    return texts.stream().map(Text::text).toList();
  }
}
