package dev.tollgate.cli.chart;

import static dev.tollgate.cli.chart.Charts.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class HtmlChartTest {
  @TempDir
  Path dir;

  @Test
  void shouldEscapeEveryLabel() throws IOException {
    // given
    Chart chart = new Chart("<script>alert(1)</script>", ChartKind.BAR, List.of("<img onerror=x>", "R&D"),
        List.of(series("\"quoted\" & 'single'", "1", "2"), series("<b>bold</b>", "3", "4")), "<USD>");
    Path file = dir.resolve("escaped.html");

    // when
    ChartWriter.write(chart, file);

    // then
    String html = Files.readString(file);
    assertThat(html).doesNotContain("<script", "<img", "<b>", "<USD>", "R&D", "\"quoted\"", "'single'");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img onerror=x&gt;", "R&amp;D",
        "&quot;quoted&quot; &amp; &#39;single&#39;", "&lt;b&gt;bold&lt;/b&gt;", "&lt;USD&gt;");
  }

  @Test
  void shouldListTheExactValuesInATable() throws IOException {
    // given
    Chart chart = Charts.breakdown(ChartKind.BAR, List.of("search", "support", "credits"),
        series("spend", "12345678901.123456789012", "0.000000000001", "-3.500000000000"));
    Path file = dir.resolve("exact.html");

    // when
    ChartWriter.write(chart, file);

    // then
    String html = Files.readString(file);
    assertThat(html).contains(
        "<th scope=\"row\">search</th><td>12345678901.123456789012</td>",
        "<th scope=\"row\">support</th><td>0.000000000001</td>",
        "<th scope=\"row\">credits</th><td>-3.500000000000</td>",
        "<th scope=\"col\">spend (USD)</th>");
  }

  @Test
  void shouldWriteAPageThatLoadsNothingFromElsewhere() throws IOException {
    // given
    Chart chart = Charts.dailyTrend(series("team-a", "1", "2.5", "-0.5"), series("team-b", "0", "4", "3"));
    Path file = dir.resolve("offline.htm");

    // when
    ChartWriter.write(chart, file);

    // then
    String html = Files.readString(file).toLowerCase();
    assertThat(html).doesNotContain("http://", "https://", "src=", "href=", "<script", "<link", "url(", "@import",
        "@font-face", "xlink");
    assertThat(html).contains("<style>", "<svg", "<polyline", "<table>");
  }

  @Test
  void shouldEmbedWellFormedSvg() throws Exception {
    // given
    Chart chart = Charts.thirtyTeams();
    Path file = dir.resolve("teams.html");

    // when
    ChartWriter.write(chart, file);

    // then
    String html = Files.readString(file);
    String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length());
    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new InputSource(new StringReader(svg)));
    assertThat(document.getElementsByTagName("rect").getLength()).isGreaterThanOrEqualTo(31);
    assertThat(document.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 1200 600");
  }

  @Test
  void shouldDrawNegativeAllZeroAndSinglePointData() throws IOException {
    // given
    Chart credits = Charts.breakdown(ChartKind.BAR, List.of("refund", "search"), series("spend", "-20", "5"));
    Chart allZero = Charts.dailyTrend(series("spend", "0", "0"));
    Chart onePoint = Charts.dailyTrend(series("spend", "9.99"));

    // when
    ChartWriter.write(credits, dir.resolve("credits.html"));
    ChartWriter.write(allZero, dir.resolve("zero.html"));
    ChartWriter.write(onePoint, dir.resolve("point.html"));

    // then
    assertThat(Files.readString(dir.resolve("credits.html"))).contains("<td>-20</td>", ">-20.00</text>")
        .doesNotContain("NaN", "Infinity");
    assertThat(Files.readString(dir.resolve("zero.html"))).contains("<td>0</td>", "<polyline")
        .doesNotContain("NaN", "Infinity");
    assertThat(Files.readString(dir.resolve("point.html"))).contains("<td>9.99</td>", "<circle")
        .doesNotContain("NaN", "Infinity", "<polyline");
  }
}
