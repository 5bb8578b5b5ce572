package dev.tollgate.cli.chart;

import static dev.tollgate.cli.chart.Charts.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartWriterTest {
  @TempDir
  Path dir;

  private final Chart chart = Charts.breakdown(ChartKind.BAR, List.of("search"), series("spend", "12.5"));

  @Test
  void shouldRejectUnknownExtensionNamingFileAndAcceptedOnes() {
    // given
    Path pdf = dir.resolve("spend.pdf");

    // when / then
    assertThatThrownBy(() -> ChartWriter.write(chart, pdf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(pdf.toString())
        .hasMessageContaining(".png")
        .hasMessageContaining(".html")
        .hasMessageContaining(".htm");
    assertThat(pdf).doesNotExist();
  }

  @Test
  void shouldRejectFileWithoutExtension() {
    // given
    Path bare = dir.resolve("png");

    // when / then
    assertThatThrownBy(() -> ChartWriter.write(chart, bare))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accepted extensions are .png, .html, .htm");
  }

  @Test
  void shouldAcceptExtensionsInAnyCase() throws Exception {
    // given
    Path png = dir.resolve("a.PNG");
    Path htm = dir.resolve("b.Htm");

    // when
    ChartWriter.write(chart, png);
    ChartWriter.write(chart, htm);

    // then
    assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(Files.readString(htm)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void shouldCreateMissingParentFolders() throws Exception {
    // given
    Path png = dir.resolve("reports/2026/03/spend.png");
    Path html = dir.resolve("reports/2026/03/spend.html");

    // when
    ChartWriter.write(chart, png);
    ChartWriter.write(chart, html);

    // then
    assertThat(png).isRegularFile();
    assertThat(html).isRegularFile();
  }

  @Test
  void shouldReplaceAnExistingFile() throws Exception {
    // given
    Path html = dir.resolve("spend.html");
    Files.writeString(html, "old content that is longer than nothing");

    // when
    ChartWriter.write(chart, html);

    // then
    assertThat(Files.readString(html)).doesNotContain("old content").contains("12.5");
  }
}
