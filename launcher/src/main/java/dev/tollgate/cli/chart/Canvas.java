package dev.tollgate.cli.chart;

/** A surface to draw a chart on, in pixels from the top-left corner; colours are {@code #rrggbb}. */
interface Canvas {

  enum Anchor { START, MIDDLE, END }

  /** How text is set: {@code x, y} of {@link #text} is the anchor point on the baseline. */
  record TextStyle(int size, boolean bold, Anchor anchor, double rotationDegrees, String color) {
    static TextStyle plain(int size, Anchor anchor, String color) {
      return new TextStyle(size, false, anchor, 0, color);
    }

    TextStyle rotated(double degrees) {
      return new TextStyle(size, bold, anchor, degrees, color);
    }

    TextStyle bolder() {
      return new TextStyle(size, true, anchor, rotationDegrees, color);
    }
  }

  int width();

  int height();

  void rect(double x, double y, double width, double height, String fill);

  void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth);

  void polyline(double[] xs, double[] ys, String stroke, double strokeWidth);

  void dot(double x, double y, double radius, String fill);

  void text(String text, double x, double y, TextStyle style);

  double textWidth(String text, int size, boolean bold);
}
