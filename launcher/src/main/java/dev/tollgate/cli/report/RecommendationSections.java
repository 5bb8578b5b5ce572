package dev.tollgate.cli.report;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.recommend.Evidence;
import dev.tollgate.analytics.recommend.Recommendation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Recommendations as report sections: a summary table, and for CSV every column with the evidence. */
public final class RecommendationSections {
  private static final List<String> SUMMARY = List.of("rank", "kind", "tenant", "feature", "provider", "model", "to_model",
      "monthly_saving_usd", "saving_pct", "monthly_spend_usd");
  private static final Set<String> NUMERIC = Set.of("rank", "monthly_saving_usd", "saving_pct", "monthly_spend_usd");

  private RecommendationSections() {}

  /** One line per recommendation, largest saving first. */
  public static Section summary(List<Recommendation> shown) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      rows.add(summaryCells(i + 1, shown.get(i)));
    }
    return new Section("recommendations", "Recommendations (saving and spend per 30-day month, at current prices)",
        new Rows(SUMMARY, rows), NUMERIC);
  }

  /** The summary with the action and the evidence as {@code name=value; …}, for spreadsheets. */
  public static Section full(List<Recommendation> shown) {
    List<String> columns = new ArrayList<>(SUMMARY);
    columns.add("action");
    columns.add("evidence");
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      List<String> cells = summaryCells(i + 1, shown.get(i));
      cells.add(shown.get(i).action());
      cells.add(evidence(shown.get(i).evidence(), "; "));
      rows.add(cells);
    }
    return new Section("recommendations", "Recommendations", new Rows(columns, rows), NUMERIC);
  }

  /** {@code name=value} pairs joined by {@code separator}. */
  public static String evidence(Evidence evidence, String separator) {
    return evidence.figures().stream().map(f -> f.name() + "=" + f.value()).collect(Collectors.joining(separator));
  }

  /** The model a recommendation is about, and the one it proposes instead. */
  public static String models(Recommendation r) {
    return r.provider() + "/" + r.model() + r.toModel().map(m -> " -> " + m).orElse("");
  }

  private static List<String> summaryCells(int rank, Recommendation r) {
    return new ArrayList<>(List.of(Integer.toString(rank), r.kind().code(), r.tenant(), r.feature(), r.provider(), r.model(),
        r.toModel().orElse("-"), Amounts.exact(r.monthlySavingUsd()), Amounts.exact(r.savingPct()),
        Amounts.exact(r.affectedMonthlySpendUsd())));
  }
}
