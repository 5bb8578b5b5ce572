package dev.tollgate.alerting.message;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of an alert in notifications: the field names of the Alert contract, every field
 * present (null when absent), amounts as exact decimal strings, times as ISO-8601 instants. The
 * same form as {@code ./tollgate alerts --json}.
 */
public final class AlertJson {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private AlertJson() {}

  public static ObjectNode toJson(Alert a) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("alert_id", a.getAlertId());
    node.put("kind", a.getKind());
    node.put("severity", a.getSeverity());
    node.put("budget_id", a.getBudgetId());
    node.set("scope", scope(a.getScope()));
    node.put("period_start", time(a.getPeriodStart()));
    node.put("period_end", time(a.getPeriodEnd()));
    node.put("threshold_pct", exact(a.getThresholdPct()));
    node.put("threshold_usd", exact(a.getThresholdUsd()));
    node.put("spend_usd", exact(a.getSpendUsd()));
    node.put("limit_usd", exact(a.getLimitUsd()));
    node.put("projected_spend_usd", exact(a.getProjectedSpendUsd()));
    node.put("expected_breach_at", time(a.getExpectedBreachAt()));
    node.put("confidence_pct", a.getConfidencePct());
    node.put("recent_rate_usd_per_hour", exact(a.getRecentRateUsdPerHour()));
    node.put("baseline_rate_usd_per_hour", exact(a.getBaselineRateUsdPerHour()));
    ObjectNode attributes = node.putObject("attributes");
    Map<String, String> sorted = a.getAttributes() == null ? Map.of() : new TreeMap<>(a.getAttributes());
    sorted.forEach(attributes::put);
    node.put("triggered_at", time(a.getTriggeredAt()));
    node.put("message", a.getMessage());
    return node;
  }

  private static ObjectNode scope(BudgetScope s) {
    if (s == null) {
      return null;
    }
    ObjectNode scope = MAPPER.createObjectNode();
    scope.put("tenant_id", s.getTenantId());
    scope.put("team_id", s.getTeamId());
    scope.put("user_id", s.getUserId());
    scope.put("feature", s.getFeature());
    return scope;
  }

  private static String exact(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  private static String time(Instant t) {
    return t == null ? null : t.toString();
  }
}
