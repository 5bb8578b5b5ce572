package dev.tollgate.cli.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Writes a {@link Chart} to a file, in the format its extension names: {@code .png} for an image,
 * {@code .html} or {@code .htm} for one self-contained page with the chart and its exact values.
 */
public final class ChartWriter {
  /** Width of the PNG image and of the SVG drawing in the HTML page, in pixels. */
  public static final int WIDTH = 1200;
  /** Height of the PNG image and of the SVG drawing in the HTML page, in pixels. */
  public static final int HEIGHT = 600;

  private static final String ACCEPTED = ".png, .html, .htm";

  private ChartWriter() {}

  /**
   * Draws {@code chart} into {@code file}, replacing it and creating missing parent folders.
   *
   * @throws IllegalArgumentException when the file extension is not one of {@code .png}, {@code .html},
   *     {@code .htm} (case-insensitive)
   */
  public static void write(Chart chart, Path file) throws IOException {
    Objects.requireNonNull(chart, "chart");
    Objects.requireNonNull(file, "file");
    boolean png = hasExtension(file, ".png");
    boolean html = hasExtension(file, ".html") || hasExtension(file, ".htm");
    if (!png && !html) {
      throw new IllegalArgumentException(
          "chart file " + file + ": unsupported extension; accepted extensions are " + ACCEPTED);
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    if (png) {
      writePng(chart, file);
    } else {
      writeHtml(chart, file);
    }
  }

  private static boolean hasExtension(Path file, String extension) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(extension);
  }

  private static void writePng(Chart chart, Path file) throws IOException {
    PngCanvas canvas = PngCanvas.create(WIDTH, HEIGHT);
    ChartPainter.paint(chart, canvas);
    BufferedImage image = canvas.finish();
    try (OutputStream out = Files.newOutputStream(file)) {
      if (!ImageIO.write(image, "png", out)) {
        throw new IOException("chart file " + file + ": this Java runtime has no PNG image writer");
      }
    }
  }

  private static void writeHtml(Chart chart, Path file) throws IOException {
    SvgCanvas canvas = new SvgCanvas(WIDTH, HEIGHT);
    ChartPainter.paint(chart, canvas);
    Files.writeString(file, HtmlPage.render(chart, canvas.toSvg(chart.title())), StandardCharsets.UTF_8);
  }
}
