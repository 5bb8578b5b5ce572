package dev.tollgate.cli.chart;

import java.util.List;

/**
 * What {@link ChartWriter} draws: a title, one label per x position, the series with one value per
 * label, and the unit of the values (e.g. {@code USD}). No labels or no series give an empty chart
 * that says so.
 */
public record Chart(String title, ChartKind kind, List<String> xLabels, List<Series> series, String valueLabel) {

  public Chart {
    if (title == null) {
      throw new IllegalArgumentException("chart title: must not be null");
    }
    if (kind == null) {
      throw new IllegalArgumentException("chart kind: must not be null");
    }
    if (valueLabel == null) {
      throw new IllegalArgumentException("chart valueLabel: must not be null (use \"\" for none)");
    }
    xLabels = checkedLabels(xLabels);
    series = checkedSeries(series, xLabels.size());
  }

  private static List<String> checkedLabels(List<String> labels) {
    if (labels == null) {
      throw new IllegalArgumentException("chart xLabels: must not be null");
    }
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i) == null) {
        throw new IllegalArgumentException("chart xLabels at index " + i + ": must not be null");
      }
    }
    return List.copyOf(labels);
  }

  private static List<Series> checkedSeries(List<Series> series, int labelCount) {
    if (series == null) {
      throw new IllegalArgumentException("chart series: must not be null");
    }
    for (int i = 0; i < series.size(); i++) {
      Series one = series.get(i);
      if (one == null) {
        throw new IllegalArgumentException("chart series at index " + i + ": must not be null");
      }
      if (one.values().size() != labelCount) {
        throw new IllegalArgumentException("series '" + one.name() + "' values: has " + one.values().size()
            + " values but the chart has " + labelCount + " x labels; each series needs one value per x label");
      }
    }
    return List.copyOf(series);
  }
}
