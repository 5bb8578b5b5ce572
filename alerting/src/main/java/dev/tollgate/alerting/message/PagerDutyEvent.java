package dev.tollgate.alerting.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.alerting.routes.Severity;
import dev.tollgate.schemas.avro.Alert;
import java.util.Map;

/**
 * PagerDuty Events API v2 bodies: a {@code trigger} with {@code dedup_key} = alert_id, and the
 * {@code resolve} of the same key.
 */
public final class PagerDutyEvent {
  static final int MAX_SUMMARY = 1024;
  private static final Map<Severity, String> SEVERITIES = Map.of(Severity.INFO, "info", Severity.WARNING, "warning",
      Severity.CRITICAL, "error", Severity.EMERGENCY, "critical");

  private PagerDutyEvent() {}

  public static byte[] trigger(Alert a, String routingKey, String source, boolean test) {
    ObjectNode event = base(routingKey, "trigger", a.getAlertId());
    event.put("client", "tollgate");
    ObjectNode payload = event.putObject("payload");
    payload.put("summary", summary(a, test));
    payload.put("source", source);
    payload.put("severity", test ? "info" : SEVERITIES.get(AlertFacts.severity(a)));
    payload.put("timestamp", a.getTriggeredAt().toString());
    payload.put("component", a.getBudgetId() == null ? "operations" : a.getBudgetId());
    if (a.getScope() != null) {
      payload.put("group", a.getScope().getTenantId());
    }
    payload.put("class", a.getKind());
    payload.set("custom_details", AlertJson.toJson(a));
    return write(event);
  }

  public static byte[] resolve(Alert a, String routingKey) {
    return write(base(routingKey, "resolve", a.getAlertId()));
  }

  static String summary(Alert a, boolean test) {
    String summary = (test ? "TEST " : "") + AlertFacts.headline(a) + " for " + AlertFacts.scope(a) + ", "
        + AlertFacts.period(a);
    return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
  }

  private static ObjectNode base(String routingKey, String action, String dedupKey) {
    ObjectNode event = AlertJson.MAPPER.createObjectNode();
    event.put("routing_key", routingKey);
    event.put("event_action", action);
    event.put("dedup_key", dedupKey);
    return event;
  }

  private static byte[] write(ObjectNode event) {
    try {
      return AlertJson.MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a PagerDuty event: " + e.getMessage(), e);
    }
  }
}
