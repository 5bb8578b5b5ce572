package dev.tollgate.analytics.report;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Actual against baseline cost of the calls that name a baseline, per feature and optimization.
 * {@code unpricedBaselines} counts calls whose baseline model had no price: they are left out of
 * every total rather than counted as saving nothing.
 */
public record Savings(List<SavingsLine> lines, long unpricedBaselines) {
  public static final String ALL = "(all)";

  public Savings {
    lines = List.copyOf(lines);
  }

  public SavingsLine total() {
    return lines.stream().reduce(new SavingsLine(ALL, ALL, 0, BigDecimal.ZERO, BigDecimal.ZERO),
        (sum, line) -> sum.plus(line, ALL, ALL));
  }

  /** One line per feature, the largest saving first. */
  public List<SavingsLine> byFeature() {
    return merged(SavingsLine::feature, feature -> feature, feature -> ALL);
  }

  /** One line per optimization, the largest saving first. */
  public List<SavingsLine> byOptimization() {
    return merged(SavingsLine::optimization, optimization -> ALL, optimization -> optimization);
  }

  private List<SavingsLine> merged(Function<SavingsLine, String> key, Function<String, String> feature,
      Function<String, String> optimization) {
    Map<String, SavingsLine> byKey = new LinkedHashMap<>();
    for (SavingsLine line : lines) {
      String k = key.apply(line);
      SavingsLine zero = new SavingsLine(feature.apply(k), optimization.apply(k), 0, BigDecimal.ZERO, BigDecimal.ZERO);
      byKey.merge(k, zero.plus(line, zero.feature(), zero.optimization()),
          (a, b) -> a.plus(b, a.feature(), a.optimization()));
    }
    return byKey.values().stream().sorted(LARGEST_SAVING_FIRST).toList();
  }

  static final Comparator<SavingsLine> LARGEST_SAVING_FIRST = Comparator.comparing(SavingsLine::savingUsd).reversed()
      .thenComparing(SavingsLine::feature).thenComparing(SavingsLine::optimization);
}
