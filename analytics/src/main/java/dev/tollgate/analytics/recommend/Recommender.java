package dev.tollgate.analytics.recommend;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.recommend.internal.BatchRule;
import dev.tollgate.analytics.recommend.internal.CacheRule;
import dev.tollgate.analytics.recommend.internal.Finding;
import dev.tollgate.analytics.recommend.internal.GroupKey;
import dev.tollgate.analytics.recommend.internal.GroupUsage;
import dev.tollgate.analytics.recommend.internal.PriceLookup;
import dev.tollgate.analytics.recommend.internal.Repeats;
import dev.tollgate.analytics.recommend.internal.SwitchModelRule;
import dev.tollgate.analytics.recommend.internal.TrimPromptsRule;
import dev.tollgate.analytics.recommend.internal.UsageScan;
import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Actions that would save money, found in the history in ClickHouse: switch a feature's short calls to
 * a cheaper model, cache repeated prompts, batch calls nobody waits for, trim prompts that dwarf their
 * answers. Every saving is priced with the catalog in effect at the window's end, at the window's own
 * token mix, and told per 30-day month. Savings of one feature's recommendations overlap: each is
 * computed against the usage as it was, not after the others.
 */
public final class Recommender {
  private static final Comparator<Recommendation> LARGEST_FIRST = Comparator
      .comparing(Recommendation::monthlySavingUsd).reversed()
      .thenComparing(Recommendation::kind)
      .thenComparing(Recommendation::tenant)
      .thenComparing(Recommendation::feature)
      .thenComparing(Recommendation::provider)
      .thenComparing(Recommendation::model);

  private final UsageScan scan;
  private final PriceLookup prices;
  private final Substitutes substitutes;

  public Recommender(ClickHouseHttp clickHouse, String database, List<PriceEntry> catalog, Substitutes substitutes) {
    this.scan = new UsageScan(clickHouse, database);
    this.prices = new PriceLookup(catalog);
    this.substitutes = substitutes;
  }

  /** @param progress told what is being read, for a user watching a long scan */
  public Recommendations recommend(RecommendWindow window, Optional<String> tenant, RecommendRules rules, Consumer<String> progress) {
    progress.accept("reading token mixes by feature and model, " + window);
    List<GroupUsage> groups = scan.groups(window, tenant);
    progress.accept("reading repeated prompts of " + groups.size() + " feature/model pairs");
    Map<GroupKey, Repeats> repeats = scan.repeats(window, tenant).stream()
        .collect(Collectors.toMap(Repeats::key, Function.identity()));
    List<Recommendation> shown = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int hidden = 0;
    for (GroupUsage g : groups) {
      Optional<PriceEntry> price = prices.at(g.key().provider(), g.key().model(), window.to());
      if (price.isEmpty()) {
        notes.add(g.key().provider() + "/" + g.key().model() + " (" + g.key().tenant() + ", " + g.key().feature() + ", "
            + g.calls() + " calls): not in the price catalog at " + window.to() + ", left out");
        continue;
      }
      for (Finding f : findings(g, price.get(), Optional.ofNullable(repeats.get(g.key())), window, rules)) {
        Recommendation r = toMonthly(f, window);
        if (rules.worthShowing(r.monthlySavingUsd(), r.savingPct())) {
          shown.add(r);
        } else {
          hidden++;
        }
      }
    }
    shown.sort(LARGEST_FIRST);
    return new Recommendations(window, tenant, rules, shown, hidden, notes);
  }

  private List<Finding> findings(GroupUsage g, PriceEntry price, Optional<Repeats> repeats, RecommendWindow window,
                                 RecommendRules rules) {
    List<PriceEntry> cheaper = substitutes.of(g.key().provider(), g.key().model()).stream()
        .map(model -> prices.at(g.key().provider(), model, window.to()))
        .flatMap(Optional::stream)
        .toList();
    List<Finding> out = new ArrayList<>();
    SwitchModelRule.evaluate(g, price, cheaper, rules).ifPresent(out::add);
    CacheRule.evaluate(g, repeats, price).ifPresent(out::add);
    BatchRule.evaluate(g, price, rules).ifPresent(out::add);
    TrimPromptsRule.evaluate(g, price, rules).ifPresent(out::add);
    return out;
  }

  private static Recommendation toMonthly(Finding f, RecommendWindow window) {
    BigDecimal pct = f.affectedUsd().signum() == 0 ? BigDecimal.ZERO
        : f.savingUsd().multiply(BigDecimal.valueOf(100)).divide(f.affectedUsd(), 2, RoundingMode.HALF_EVEN);
    return new Recommendation(f.kind(), f.key().tenant(), f.key().feature(), f.key().provider(), f.key().model(), f.toModel(),
        window.perMonth(f.savingUsd()), pct, window.perMonth(f.affectedUsd()), f.evidence(), f.action());
  }
}
