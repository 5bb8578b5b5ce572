package dev.tollgate.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.analytics.recommend.Evidence;
import dev.tollgate.analytics.recommend.Recommendation;
import dev.tollgate.analytics.recommend.Recommendations;
import java.util.List;
import java.util.Map;

/**
 * Recommendations as one JSON object: the header fields, {@code recommendations} (each with its
 * evidence as an object), {@code hidden} and {@code notes}. As in the other reports, amounts and other
 * decimals are exact strings and counts are numbers.
 */
public final class RecommendationJson {
  private RecommendationJson() {}

  public static ObjectNode of(Map<String, String> header, Recommendations found) {
    ObjectNode root = JsonLines.MAPPER.createObjectNode();
    header.forEach(root::put);
    ArrayNode list = root.putArray("recommendations");
    List<Recommendation> shown = found.shown();
    for (int i = 0; i < shown.size(); i++) {
      Recommendation r = shown.get(i);
      ObjectNode o = list.addObject();
      o.put("rank", i + 1);
      o.put("kind", r.kind().code());
      o.put("tenant", r.tenant());
      o.put("feature", r.feature());
      o.put("provider", r.provider());
      o.put("model", r.model());
      o.put("to_model", r.toModel().orElse(null));
      o.put("monthly_saving_usd", Amounts.exact(r.monthlySavingUsd()));
      o.put("saving_pct", Amounts.exact(r.savingPct()));
      o.put("monthly_spend_usd", Amounts.exact(r.affectedMonthlySpendUsd()));
      o.put("action", r.action());
      evidence(o.putObject("evidence"), r.evidence());
    }
    root.put("hidden", found.hidden());
    ArrayNode notes = root.putArray("notes");
    found.notes().forEach(notes::add);
    return root;
  }

  private static void evidence(ObjectNode into, Evidence evidence) {
    for (Evidence.Figure f : evidence.figures()) {
      if (f.type() == Evidence.Type.COUNT) {
        into.put(f.name(), Long.parseLong(f.value()));
      } else {
        into.put(f.name(), f.value());
      }
    }
  }
}
