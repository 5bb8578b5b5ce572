package dev.tollgate.cli.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of an alert that {@code ./tollgate alerts --json} prints, one object per line: the
 * field names of the Alert contract, every field present (null when absent), decimals as exact
 * strings, times as ISO-8601 instants.
 */
public final class AlertJson {
  private AlertJson() {}

  public static ObjectNode toJson(Alert a) {
    ObjectNode node = JsonLines.MAPPER.createObjectNode();
    node.put("alert_id", a.getAlertId());
    node.put("kind", a.getKind());
    node.put("severity", a.getSeverity());
    node.put("budget_id", a.getBudgetId());
    node.set("scope", scope(a.getScope()));
    node.put("period_start", JsonLines.time(a.getPeriodStart()));
    node.put("period_end", JsonLines.time(a.getPeriodEnd()));
    node.put("threshold_pct", Amounts.exact(a.getThresholdPct()));
    node.put("threshold_usd", Amounts.exact(a.getThresholdUsd()));
    node.put("spend_usd", Amounts.exact(a.getSpendUsd()));
    node.put("limit_usd", Amounts.exact(a.getLimitUsd()));
    node.put("projected_spend_usd", Amounts.exact(a.getProjectedSpendUsd()));
    node.put("expected_breach_at", JsonLines.time(a.getExpectedBreachAt()));
    node.put("confidence_pct", a.getConfidencePct());
    node.put("recent_rate_usd_per_hour", Amounts.exact(a.getRecentRateUsdPerHour()));
    node.put("baseline_rate_usd_per_hour", Amounts.exact(a.getBaselineRateUsdPerHour()));
    ObjectNode attributes = node.putObject("attributes");
    Map<String, String> sorted = a.getAttributes() == null ? Map.of() : new TreeMap<>(a.getAttributes());
    sorted.forEach(attributes::put);
    node.put("triggered_at", JsonLines.time(a.getTriggeredAt()));
    node.put("message", a.getMessage());
    return node;
  }

  public static String line(Alert alert) {
    return JsonLines.write(toJson(alert));
  }

  private static ObjectNode scope(BudgetScope s) {
    if (s == null) {
      return null;
    }
    ObjectNode scope = JsonLines.MAPPER.createObjectNode();
    scope.put("tenant_id", s.getTenantId());
    scope.put("team_id", s.getTeamId());
    scope.put("user_id", s.getUserId());
    scope.put("feature", s.getFeature());
    return scope;
  }
}
