package dev.tollgate.cli.command.report;

import dev.tollgate.analytics.report.DailySpend;
import dev.tollgate.analytics.report.SpendLine;
import dev.tollgate.cli.chart.Chart;
import dev.tollgate.cli.chart.ChartKind;
import dev.tollgate.cli.chart.Series;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The charts of the reports: bars for a breakdown, lines for a trend. */
final class Charts {
  static final int MAX_BARS = 20;

  private Charts() {}

  /** The dearest lines as bars, the rest summed into one "other" bar. */
  static Chart breakdown(String title, List<SpendLine> lines) {
    List<String> labels = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    BigDecimal other = BigDecimal.ZERO;
    for (int i = 0; i < lines.size(); i++) {
      SpendLine l = lines.get(i);
      if (i < MAX_BARS) {
        labels.add(String.join("/", l.key()));
        values.add(l.usage().costUsd());
      } else {
        other = other.add(l.usage().costUsd());
      }
    }
    if (lines.size() > MAX_BARS) {
      labels.add("other (" + (lines.size() - MAX_BARS) + ")");
      values.add(other);
    }
    return new Chart(title, ChartKind.BAR, labels, List.of(new Series("spend", values)), "USD");
  }

  static Chart trend(String title, List<DailySpend> days) {
    List<String> labels = days.stream().map(d -> d.day().toString()).toList();
    List<Series> series = new ArrayList<>();
    series.add(new Series("calls", days.stream().map(d -> d.calls().costUsd()).toList()));
    if (days.stream().anyMatch(d -> d.adjustmentsUsd().signum() != 0)) {
      series.add(new Series("net of credits and refunds", days.stream().map(DailySpend::netUsd).toList()));
    }
    return new Chart(title, ChartKind.LINE, labels, series, "USD");
  }
}
