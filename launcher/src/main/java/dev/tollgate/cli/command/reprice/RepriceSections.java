package dev.tollgate.cli.command.reprice;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.reprice.ModelChange;
import dev.tollgate.analytics.reprice.PriceChange;
import dev.tollgate.analytics.reprice.RepriceResult;
import dev.tollgate.cli.report.Amounts;
import dev.tollgate.cli.report.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A run's result as report sections: totals, per model, per move from one price entry to another. */
final class RepriceSections {
  private RepriceSections() {}

  static Map<String, String> header(RepriceResult r) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "reprice");
    header.put("run", r.runId());
    header.put("from", r.range().from().toString());
    header.put("to", r.range().to().toString());
    header.put("catalog", r.catalogFingerprint());
    header.put("mode", r.dryRun() ? "dry run, nothing written" : "applied");
    return header;
  }

  static List<Section> sections(RepriceResult r) {
    return List.of(totals(r), byModel(r), byPrice(r));
  }

  private static Section totals(RepriceResult r) {
    Rows rows = new Rows(List.of("events_scanned", "events_changed", "old_cost_usd", "new_cost_usd", "delta_usd",
        "old_baseline_cost_usd", "new_baseline_cost_usd", "corrections"),
        List.of(List.of(Long.toString(r.eventsScanned()), Long.toString(r.eventsChanged()), Amounts.exact(r.oldCostUsd()),
            Amounts.exact(r.newCostUsd()), Amounts.exact(r.deltaUsd()), Amounts.exact(r.oldBaselineCostUsd()),
            Amounts.exact(r.newBaselineCostUsd()), Long.toString(r.corrections()))));
    return Section.vertical("totals", "Changed events (costs are their totals before and after)", rows,
        Set.of("events_scanned", "events_changed", "corrections"));
  }

  private static Section byModel(RepriceResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (ModelChange m : r.byModel()) {
      rows.add(List.of(m.provider(), m.model(), Long.toString(m.events()), Amounts.exact(m.oldCostUsd()),
          Amounts.exact(m.newCostUsd()), Amounts.exact(m.deltaUsd()), Amounts.exact(m.oldBaselineCostUsd()),
          Amounts.exact(m.newBaselineCostUsd())));
    }
    return new Section("by_model", "Changed events by model", new Rows(List.of("provider", "model", "events",
        "old_cost_usd", "new_cost_usd", "delta_usd", "old_baseline_cost_usd", "new_baseline_cost_usd"), rows),
        Set.of("events", "old_cost_usd", "new_cost_usd", "delta_usd", "old_baseline_cost_usd", "new_baseline_cost_usd"));
  }

  private static Section byPrice(RepriceResult r) {
    List<List<String>> rows = new ArrayList<>();
    for (PriceChange p : r.byPrice()) {
      rows.add(List.of(p.provider(), p.model(), p.oldPrice(), p.newPrice(), Long.toString(p.events()),
          Amounts.exact(p.deltaUsd())));
    }
    return new Section("by_price", "Price entries replaced, largest change first", new Rows(List.of("provider", "model",
        "old_price", "new_price", "events", "delta_usd"), rows), Set.of("events", "delta_usd"));
  }
}
