package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.Savings;
import dev.tollgate.analytics.report.SavingsLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The sections of {@code report savings}: actual against baseline cost, the saving and its share. */
public final class SavingsSections {
  private static final Set<String> NUMERIC = Set.of("calls", "actual_usd", "baseline_usd", "saving_usd", "saving_pct",
      "unpriced_baselines");
  private static final List<String> COLUMNS = List.of("calls", "actual_usd", "baseline_usd", "saving_usd", "saving_pct");

  private SavingsSections() {}

  public static List<Section> of(Savings savings) {
    return List.of(total(savings), lines("by_feature", "Savings by feature", "feature", savings.byFeature(), true),
        lines("by_optimization", "Savings by optimization", "optimization", savings.byOptimization(), false),
        detail(savings));
  }

  private static Section total(Savings savings) {
    List<String> columns = new ArrayList<>(COLUMNS);
    columns.add("unpriced_baselines");
    List<String> row = new ArrayList<>(amounts(savings.total()));
    row.add(Long.toString(savings.unpricedBaselines()));
    return Section.vertical("total", "Calls with a baseline", new Rows(columns, List.of(row)), NUMERIC);
  }

  private static Section lines(String name, String title, String key, List<SavingsLine> lines, boolean byFeature) {
    List<String> columns = new ArrayList<>(List.of(key));
    columns.addAll(COLUMNS);
    List<List<String>> rows = new ArrayList<>();
    for (SavingsLine line : lines) {
      List<String> row = new ArrayList<>(List.of(byFeature ? line.feature() : line.optimization()));
      row.addAll(amounts(line));
      rows.add(row);
    }
    return new Section(name, title, new Rows(columns, rows), NUMERIC);
  }

  private static Section detail(Savings savings) {
    List<String> columns = new ArrayList<>(List.of("feature", "optimization"));
    columns.addAll(COLUMNS);
    List<List<String>> rows = new ArrayList<>();
    for (SavingsLine line : savings.lines()) {
      List<String> row = new ArrayList<>(List.of(line.feature(), line.optimization()));
      row.addAll(amounts(line));
      rows.add(row);
    }
    return new Section("by_feature_and_optimization", "Savings by feature and optimization", new Rows(columns, rows), NUMERIC);
  }

  private static List<String> amounts(SavingsLine line) {
    return List.of(Long.toString(line.calls()), Amounts.exact(line.actualUsd()), Amounts.exact(line.baselineUsd()),
        Amounts.exact(line.savingUsd()), line.savingPct().map(BigDecimal::toPlainString).orElse("-"));
  }
}
