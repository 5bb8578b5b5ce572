package dev.tollgate.analytics.recommend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The figures a recommendation rests on, in the order they are best read. */
public record Evidence(List<Figure> figures) {
  public Evidence {
    figures = List.copyOf(figures);
  }

  /** How a figure is written: counts as whole numbers, amounts exact, ratios as decimals. */
  public enum Type { COUNT, USD, DECIMAL, TEXT }

  /** One named figure; names end in {@code _usd} for amounts and {@code _pct} for percentages. */
  public record Figure(String name, String value, Type type) {}

  public Optional<Figure> figure(String name) {
    return figures.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The value of the named figure; fails when there is none, which is a mistake of the caller. */
  public String value(String name) {
    return figure(name).map(Figure::value)
        .orElseThrow(() -> new IllegalArgumentException("no figure " + name + " in the evidence"));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects figures in order. */
  public static final class Builder {
    private final List<Figure> figures = new ArrayList<>();

    public Builder count(String name, long value) {
      figures.add(new Figure(name, Long.toString(value), Type.COUNT));
      return this;
    }

    public Builder usd(String name, BigDecimal value) {
      figures.add(new Figure(name, value.stripTrailingZeros().toPlainString(), Type.USD));
      return this;
    }

    public Builder decimal(String name, BigDecimal value) {
      figures.add(new Figure(name, value.stripTrailingZeros().toPlainString(), Type.DECIMAL));
      return this;
    }

    public Builder text(String name, String value) {
      figures.add(new Figure(name, value, Type.TEXT));
      return this;
    }

    public Evidence build() {
      return new Evidence(figures);
    }
  }
}
