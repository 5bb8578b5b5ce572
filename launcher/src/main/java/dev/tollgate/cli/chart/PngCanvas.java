package dev.tollgate.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Draws with Java2D into an RGB image with a white background. */
final class PngCanvas implements Canvas {
  private final BufferedImage image;
  private final Graphics2D graphics;

  private PngCanvas(BufferedImage image) {
    this.image = image;
    this.graphics = image.createGraphics();
    graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
  }

  static PngCanvas create(int width, int height) {
    // Reports run on servers and in CI without a display; AWT reads this once, on first use.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    return new PngCanvas(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
  }

  /** Ends drawing; the canvas must not be used afterwards. */
  BufferedImage finish() {
    graphics.dispose();
    return image;
  }

  @Override
  public int width() {
    return image.getWidth();
  }

  @Override
  public int height() {
    return image.getHeight();
  }

  @Override
  public void rect(double x, double y, double width, double height, String fill) {
    graphics.setColor(Color.decode(fill));
    graphics.fill(new Rectangle2D.Double(x, y, width, height));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    graphics.setColor(Color.decode(stroke));
    graphics.setStroke(new BasicStroke((float) strokeWidth));
    graphics.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void polyline(double[] xs, double[] ys, String stroke, double strokeWidth) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(xs[0], ys[0]);
    for (int i = 1; i < xs.length; i++) {
      path.lineTo(xs[i], ys[i]);
    }
    graphics.setColor(Color.decode(stroke));
    graphics.setStroke(new BasicStroke((float) strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    graphics.draw(path);
  }

  @Override
  public void dot(double x, double y, double radius, String fill) {
    graphics.setColor(Color.decode(fill));
    graphics.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
  }

  @Override
  public void text(String text, double x, double y, TextStyle style) {
    Font font = font(style.size(), style.bold());
    double offset = switch (style.anchor()) {
      case START -> 0;
      case MIDDLE -> textWidth(text, font) / 2;
      case END -> textWidth(text, font);
    };
    AffineTransform before = graphics.getTransform();
    graphics.translate(x, y);
    graphics.rotate(Math.toRadians(style.rotationDegrees()));
    graphics.setFont(font);
    graphics.setColor(Color.decode(style.color()));
    graphics.drawString(text, (float) -offset, 0f);
    graphics.setTransform(before);
  }

  @Override
  public double textWidth(String text, int size, boolean bold) {
    return textWidth(text, font(size, bold));
  }

  private double textWidth(String text, Font font) {
    return font.getStringBounds(text, graphics.getFontRenderContext()).getWidth();
  }

  private static Font font(int size, boolean bold) {
    return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size);
  }
}
