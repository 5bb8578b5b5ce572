package dev.tollgate.cli.chart;

/** The colours of a chart; series colours are distinct for colour-blind readers and repeat after ten. */
final class Palette {
  static final String BACKGROUND = "#ffffff";
  static final String TEXT = "#222222";
  static final String MUTED_TEXT = "#555555";
  static final String AXIS = "#444444";
  static final String GRID = "#e2e2e2";
  static final String ON_BAR_TEXT = "#ffffff";

  private static final String[] SERIES = {
      "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
      "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

  private Palette() {}

  static String series(int index) {
    return SERIES[index % SERIES.length];
  }
}
