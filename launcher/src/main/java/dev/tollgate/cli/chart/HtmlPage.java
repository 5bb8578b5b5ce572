package dev.tollgate.cli.chart;

import java.math.BigDecimal;
import java.util.List;

/**
 * One self-contained HTML page: the chart as inline SVG, styles inline, nothing loaded from
 * elsewhere, and the exact values in a table below so they can be copied.
 */
final class HtmlPage {
  private static final String STYLE = String.join("\n",
      "body { font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif; color: #222; margin: 24px; }",
      "h1 { font-size: 1.4em; }",
      "figure { margin: 0 0 24px; }",
      "svg { max-width: 100%; height: auto; font-family: inherit; }",
      "table { border-collapse: collapse; }",
      "caption { text-align: left; padding: 4px 0; color: #555; }",
      "th, td { border: 1px solid #ddd; padding: 4px 10px; }",
      "thead th { background: #f4f4f4; }",
      "tbody th { text-align: left; font-weight: normal; }",
      "td { text-align: right; font-variant-numeric: tabular-nums; }");

  private HtmlPage() {}

  static String render(Chart chart, String svg) {
    String title = Html.escape(chart.title());
    StringBuilder page = new StringBuilder()
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(title).append("</title>\n")
        .append("<style>\n").append(STYLE).append("\n</style>\n</head>\n<body>\n")
        .append("<h1>").append(title).append("</h1>\n")
        .append("<figure>\n").append(svg).append("\n</figure>\n");
    appendTable(chart, page);
    return page.append("</body>\n</html>\n").toString();
  }

  private static void appendTable(Chart chart, StringBuilder page) {
    String unit = chart.valueLabel().isBlank() ? "" : " (" + Html.escape(chart.valueLabel()) + ")";
    page.append("<table>\n<caption>Exact values").append(unit).append("</caption>\n<thead>\n<tr><th scope=\"col\">")
        .append("Label</th>");
    for (Series series : chart.series()) {
      page.append("<th scope=\"col\">").append(Html.escape(series.name())).append(unit).append("</th>");
    }
    page.append("</tr>\n</thead>\n<tbody>\n");
    List<String> labels = chart.xLabels();
    for (int i = 0; i < labels.size(); i++) {
      page.append("<tr><th scope=\"row\">").append(Html.escape(labels.get(i))).append("</th>");
      for (Series series : chart.series()) {
        BigDecimal value = series.values().get(i);
        page.append("<td>").append(value.toPlainString()).append("</td>");
      }
      page.append("</tr>\n");
    }
    page.append("</tbody>\n</table>\n");
  }
}
