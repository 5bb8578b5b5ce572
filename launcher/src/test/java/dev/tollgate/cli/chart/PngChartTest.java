package dev.tollgate.cli.chart;

import static dev.tollgate.cli.chart.Charts.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngChartTest {
  private static final int WHITE = 0xffffff;

  @TempDir
  Path dir;

  @Test
  void shouldWriteReadablePngOfExpectedSizeThatIsNotBlank() throws IOException {
    // given
    Chart chart = Charts.dailyTrend(
        series("search", "120.5", "98.25", "143", "110.000000000001"),
        series("support", "40", "55.5", "61", "38"));
    Path file = dir.resolve("trend.png");

    // when
    ChartWriter.write(chart, file);

    // then
    BufferedImage image = read(file);
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(600);
    assertThat(countPixels(image, rgb -> rgb != WHITE)).isGreaterThan(2_000);
    assertThat(countPixels(image, rgb -> rgb == WHITE)).isGreaterThan(1200 * 600 / 2);
  }

  @Test
  void shouldFillBarsInTheSeriesColour() throws IOException {
    // given
    Chart chart = Charts.breakdown(ChartKind.BAR, List.of("search", "support", "sales"),
        series("spend", "300", "150.75", "75.125"));
    Path file = dir.resolve("breakdown.png");

    // when
    ChartWriter.write(chart, file);

    // then
    int barColour = Color.decode(Palette.series(0)).getRGB() & WHITE;
    assertThat(countPixels(read(file), rgb -> rgb == barColour)).isGreaterThan(20_000);
  }

  @Test
  void shouldDrawCreditsBelowZero() throws IOException {
    // given
    Chart chart = Charts.breakdown(ChartKind.BAR, List.of("refund"), series("spend", "-250.5"));
    Path file = dir.resolve("credits.png");

    // when
    ChartWriter.write(chart, file);

    // then
    int barColour = Color.decode(Palette.series(0)).getRGB() & WHITE;
    assertThat(countPixels(read(file), rgb -> rgb == barColour)).isGreaterThan(10_000);
  }

  @Test
  void shouldDrawAllZeroAndSinglePointCharts() throws IOException {
    // given
    Chart allZero = Charts.dailyTrend(series("spend", "0", "0", "0"));
    Chart onePoint = Charts.dailyTrend(series("spend", "17.25"));
    Path zeroFile = dir.resolve("zero.png");
    Path pointFile = dir.resolve("point.png");

    // when
    ChartWriter.write(allZero, zeroFile);
    ChartWriter.write(onePoint, pointFile);

    // then
    int lineColour = Color.decode(Palette.series(0)).getRGB() & WHITE;
    assertThat(countPixels(read(zeroFile), rgb -> rgb == lineColour)).isPositive();
    assertThat(countPixels(read(pointFile), rgb -> rgb == lineColour)).isPositive();
  }

  @Test
  void shouldDrawThirtyBarsWithLongLabels() throws IOException {
    // given
    Path file = dir.resolve("teams.png");

    // when
    ChartWriter.write(Charts.thirtyTeams(), file);

    // then
    BufferedImage image = read(file);
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(countPixels(image, rgb -> rgb != WHITE)).isGreaterThan(20_000);
  }

  private static BufferedImage read(Path file) throws IOException {
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).as("image decoded from %s", file).isNotNull();
    return image;
  }

  private static long countPixels(BufferedImage image, java.util.function.IntPredicate test) {
    long count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (test.test(image.getRGB(x, y) & WHITE)) {
          count++;
        }
      }
    }
    return count;
  }
}
