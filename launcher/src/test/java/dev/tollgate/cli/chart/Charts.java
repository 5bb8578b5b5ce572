package dev.tollgate.cli.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Sample charts shaped like the ones the reports draw. */
final class Charts {
  private Charts() {}

  static Series series(String name, String... values) {
    return new Series(name, Arrays.stream(values).map(BigDecimal::new).toList());
  }

  static Chart dailyTrend(Series... series) {
    List<String> days = new ArrayList<>();
    for (int day = 1; day <= series[0].values().size(); day++) {
      days.add(String.format("2026-03-%02d", day));
    }
    return new Chart("Daily spend, March 2026", ChartKind.LINE, days, List.of(series), "USD");
  }

  static Chart breakdown(ChartKind kind, List<String> labels, Series... series) {
    return new Chart("Spend by team", kind, labels, List.of(series), "USD");
  }

  /** Thirty bars with long names and values from a cent to a few thousand dollars. */
  static Chart thirtyTeams() {
    List<String> labels = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      labels.add("platform-engineering-team-" + i);
      values.add(new BigDecimal(i * i * 3).add(new BigDecimal("0.010000000001")));
    }
    return new Chart("Spend by team", ChartKind.BAR, labels, List.of(new Series("spend", values)), "USD");
  }
}
