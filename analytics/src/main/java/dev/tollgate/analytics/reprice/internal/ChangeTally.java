package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.reprice.ModelChange;
import dev.tollgate.analytics.reprice.PriceChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Totals of the changes of a run, overall, per model and per move from one price entry to another. */
public final class ChangeTally {
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(12);

  private final Map<List<String>, Sums> byModel = new TreeMap<>(ChangeTally::compareKeys);
  private final Map<List<String>, Sums> byPrice = new TreeMap<>(ChangeTally::compareKeys);
  private final Sums total = new Sums();

  private static final class Sums {
    long events;
    BigDecimal oldCost = ZERO;
    BigDecimal newCost = ZERO;
    BigDecimal oldBaseline = ZERO;
    BigDecimal newBaseline = ZERO;

    void add(Change c) {
      events++;
      oldCost = oldCost.add(c.before().costUsd());
      newCost = newCost.add(c.after().costUsd());
      oldBaseline = plus(oldBaseline, c.before().baselineCostUsd());
      newBaseline = plus(newBaseline, c.after().baselineCostUsd());
    }

    private static BigDecimal plus(BigDecimal sum, BigDecimal value) {
      return value == null ? sum : sum.add(value);
    }
  }

  public void add(Change change) {
    total.add(change);
    byModel.computeIfAbsent(List.of(change.provider(), change.model()), k -> new Sums()).add(change);
    byPrice.computeIfAbsent(List.of(change.provider(), change.model(), change.before().label(), change.after().label()),
        k -> new Sums()).add(change);
  }

  public long events() {
    return total.events;
  }

  public BigDecimal oldCostUsd() {
    return total.oldCost;
  }

  public BigDecimal newCostUsd() {
    return total.newCost;
  }

  public BigDecimal oldBaselineCostUsd() {
    return total.oldBaseline;
  }

  public BigDecimal newBaselineCostUsd() {
    return total.newBaseline;
  }

  public List<ModelChange> byModel() {
    List<ModelChange> out = new ArrayList<>();
    byModel.forEach((k, s) -> out.add(new ModelChange(k.get(0), k.get(1), s.events, s.oldCost, s.newCost,
        s.oldBaseline, s.newBaseline)));
    return out;
  }

  /** Largest change first, by its size either way. */
  public List<PriceChange> byPrice() {
    List<PriceChange> out = new ArrayList<>();
    byPrice.forEach((k, s) -> out.add(new PriceChange(k.get(0), k.get(1), k.get(2), k.get(3), s.events,
        s.newCost.subtract(s.oldCost))));
    out.sort(Comparator.comparing((PriceChange p) -> p.deltaUsd().abs()).reversed());
    return out;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
