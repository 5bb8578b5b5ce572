package dev.tollgate.cli.report;

import dev.tollgate.analytics.recommend.Recommendation;
import dev.tollgate.analytics.recommend.Recommendations;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** Prints recommendations: a table with each one's action and evidence below it, CSV, or JSON. */
public final class RecommendationReport {
  private RecommendationReport() {}

  public static void print(PrintStream out, ReportFormat format, Map<String, String> header, Recommendations found) {
    switch (format) {
      case TABLE -> table(out, header, found);
      case CSV -> ReportFormat.CSV.print(out, header, List.of(RecommendationSections.full(found.shown())));
      case JSON -> out.println(JsonLines.write(RecommendationJson.of(header, found)));
    }
  }

  private static void table(PrintStream out, Map<String, String> header, Recommendations found) {
    ReportFormat.TABLE.print(out, header, List.of(RecommendationSections.summary(found.shown())));
    List<Recommendation> shown = found.shown();
    for (int i = 0; i < shown.size(); i++) {
      Recommendation r = shown.get(i);
      out.println();
      out.println((i + 1) + ". " + r.kind().label() + " · " + r.tenant() + " · " + r.feature() + " · "
          + RecommendationSections.models(r));
      out.println("   saves " + Amounts.display(r.monthlySavingUsd()) + " USD a month, " + Amounts.percent(r.savingPct())
          + " of the " + Amounts.display(r.affectedMonthlySpendUsd()) + " USD it touches");
      out.println("   action: " + r.action());
      out.println("   evidence: " + RecommendationSections.evidence(r.evidence(), " · "));
    }
    out.println();
    if (found.hidden() > 0) {
      out.println(found.hidden() + " more save less than " + Amounts.exact(found.rules().minSavingUsd()) + " USD or "
          + Amounts.percent(found.rules().minSavingPct()) + " a month (lower --min-saving-usd / --min-saving-pct to see them).");
    }
    if (shown.stream().map(r -> r.tenant() + "\u0000" + r.feature()).distinct().count() < shown.size()) {
      out.println("Savings of one feature overlap: each is computed against the usage as it was.");
    }
    found.notes().forEach(n -> out.println("note: " + n));
  }
}
