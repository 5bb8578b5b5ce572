package dev.tollgate.analytics.forecast.backtest;

import dev.tollgate.analytics.forecast.PatternKind;
import java.util.Map;

/**
 * How often the classifier named the true pattern of generated series, over every cut.
 *
 * @param named how many times each pattern was named
 */
public record NamingScore(PatternKind truth, int classified, Map<PatternKind, Integer> named) {
  public NamingScore {
    named = Map.copyOf(named);
  }

  public int correct() {
    return named.getOrDefault(truth, 0);
  }

  public double accuracyPct() {
    return classified == 0 ? 0 : 100.0 * correct() / classified;
  }
}
