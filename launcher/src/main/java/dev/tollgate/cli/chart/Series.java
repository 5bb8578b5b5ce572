package dev.tollgate.cli.chart;

import java.math.BigDecimal;
import java.util.List;

/**
 * One named row of values of a {@link Chart}, one value per x label, in the order of the labels.
 * Values are exact and may be negative (credits).
 */
public record Series(String name, List<BigDecimal> values) {

  public Series {
    if (name == null) {
      throw new IllegalArgumentException("series name: must not be null");
    }
    if (values == null) {
      throw new IllegalArgumentException("series '" + name + "' values: must not be null");
    }
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null) {
        throw new IllegalArgumentException("series '" + name + "' value at index " + i + ": must not be null");
      }
    }
    values = List.copyOf(values);
  }
}
