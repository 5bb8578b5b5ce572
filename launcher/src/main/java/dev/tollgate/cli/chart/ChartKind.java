package dev.tollgate.cli.chart;

/** How the series of a {@link Chart} are drawn. */
public enum ChartKind {
  /** One line per series through one point per x label; for trends over days. */
  LINE,
  /** One bar per x label and series, grouped by x label; for breakdowns. */
  BAR
}
