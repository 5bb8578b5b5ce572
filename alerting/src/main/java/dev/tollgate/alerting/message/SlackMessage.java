package dev.tollgate.alerting.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.alerting.routes.Severity;
import dev.tollgate.schemas.avro.Alert;
import java.util.List;
import java.util.Map;

/**
 * A Slack incoming-webhook message: {@code {"text": ...}} in Slack's mrkdwn, with scope, spend,
 * limit, percent and period on lines of their own.
 */
public final class SlackMessage {
  static final int MAX_DIGEST_LINES = 50;
  private static final Map<Severity, String> ICONS = Map.of(Severity.INFO, ":information_source:",
      Severity.WARNING, ":warning:", Severity.CRITICAL, ":rotating_light:", Severity.EMERGENCY, ":fire:");

  private SlackMessage() {}

  public static byte[] body(Notification n) {
    try {
      return AlertJson.MAPPER.writeValueAsBytes(Map.of("text", text(n)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Slack message: " + e.getMessage(), e);
    }
  }

  public static String text(Notification n) {
    return n instanceof DigestNotice digest ? digest(digest.alerts()) : alert(n.alerts().get(0), n.event().equals("test"));
  }

  private static String alert(Alert a, boolean test) {
    Severity severity = AlertFacts.severity(a);
    StringBuilder text = new StringBuilder();
    text.append(test ? ":white_check_mark: *TEST* " : ICONS.get(severity) + " ")
        .append('*').append(severity.name()).append("* ").append(escape(a.getKind())).append(" alert");
    if (a.getBudgetId() != null) {
      text.append(" · ").append(escape(a.getBudgetId()));
    }
    for (AlertRows.Row row : AlertRows.of(a)) {
      if (!row.label().equals("Budget")) {
        text.append("\n*").append(row.label()).append(":* ").append(escape(row.value()));
      }
    }
    text.append("\n").append(escape(a.getMessage()));
    text.append("\n_alert_id ").append(escape(a.getAlertId())).append('_');
    return text.toString();
  }

  private static String digest(List<Alert> alerts) {
    StringBuilder text = new StringBuilder(ICONS.get(Severity.INFO)).append(" *Digest: ").append(alerts.size())
        .append(alerts.size() == 1 ? " info alert*" : " info alerts*");
    for (Alert a : alerts.subList(0, Math.min(alerts.size(), MAX_DIGEST_LINES))) {
      text.append("\n• ").append(escape(AlertFacts.headline(a))).append(" · ").append(escape(AlertFacts.scope(a)))
          .append(" · ").append(escape(AlertFacts.period(a)));
    }
    if (alerts.size() > MAX_DIGEST_LINES) {
      text.append("\n… and ").append(alerts.size() - MAX_DIGEST_LINES).append(" more");
    }
    return text.toString();
  }

  /** Slack reads &amp;, &lt; and &gt; as control characters in message text. */
  static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
