package dev.tollgate.cli.chart;

import java.util.Locale;

/** Writes SVG elements for inline use in HTML; text widths are estimated, as the browser picks the font. */
final class SvgCanvas implements Canvas {
  /** Average advance of a sans-serif character as a share of the font size, a little generous. */
  private static final double CHAR_WIDTH_SHARE = 0.6;
  private static final double BOLD_CHAR_WIDTH_SHARE = 0.65;

  private final int width;
  private final int height;
  private final StringBuilder elements = new StringBuilder();

  SvgCanvas(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** The finished {@code <svg>} element, labelled with {@code title} for screen readers. */
  String toSvg(String title) {
    return "<svg viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width + "\" height=\"" + height
        + "\" role=\"img\" aria-label=\"" + Html.escape(title) + "\">\n" + elements + "</svg>";
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    elements.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
        .append("\" height=\"").append(n(height)).append("\" fill=\"").append(fill).append("\"/>\n");
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    elements.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(n(strokeWidth)).append("\"/>\n");
  }

  @Override
  public void polyline(double[] xs, double[] ys, String stroke, double strokeWidth) {
    elements.append("<polyline fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" stroke=\"")
        .append(stroke).append("\" stroke-width=\"").append(n(strokeWidth)).append("\" points=\"");
    for (int i = 0; i < xs.length; i++) {
      elements.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
    }
    elements.append("\"/>\n");
  }

  @Override
  public void dot(double x, double y, double radius, String fill) {
    elements.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"").append(n(radius))
        .append("\" fill=\"").append(fill).append("\"/>\n");
  }

  @Override
  public void text(String text, double x, double y, TextStyle style) {
    elements.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"")
        .append(style.size()).append('"');
    if (style.bold()) {
      elements.append(" font-weight=\"bold\"");
    }
    elements.append(" text-anchor=\"").append(anchor(style.anchor())).append("\" fill=\"").append(style.color())
        .append('"');
    if (style.rotationDegrees() != 0) {
      elements.append(" transform=\"rotate(").append(n(style.rotationDegrees())).append(' ').append(n(x)).append(' ')
          .append(n(y)).append(")\"");
    }
    elements.append('>').append(Html.escape(text)).append("</text>\n");
  }

  @Override
  public double textWidth(String text, int size, boolean bold) {
    return text.codePointCount(0, text.length()) * size * (bold ? BOLD_CHAR_WIDTH_SHARE : CHAR_WIDTH_SHARE);
  }

  private static String anchor(Anchor anchor) {
    return switch (anchor) {
      case START -> "start";
      case MIDDLE -> "middle";
      case END -> "end";
    };
  }

  private static String n(double pixels) {
    String fixed = String.format(Locale.ROOT, "%.1f", pixels);
    return fixed.endsWith(".0") ? fixed.substring(0, fixed.length() - 2) : fixed;
  }
}
