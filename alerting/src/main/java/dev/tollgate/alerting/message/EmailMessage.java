package dev.tollgate.alerting.message;

import dev.tollgate.schemas.avro.Alert;
import java.util.List;

/** An e-mail notification: subject, a plain-text body and the same content as HTML. */
public record EmailMessage(String subject, String plain, String html) {
  private static final String PREFIX = "[tollgate] ";

  public static EmailMessage of(Notification n) {
    if (n instanceof DigestNotice digest) {
      return digest(digest.alerts());
    }
    Alert a = n.alerts().get(0);
    boolean test = n.event().equals("test");
    String subject = PREFIX + (test ? "TEST " : "") + AlertFacts.headline(a);
    return new EmailMessage(subject, plain(a), html(subject, a));
  }

  private static EmailMessage digest(List<Alert> alerts) {
    String subject = PREFIX + "digest: " + alerts.size() + (alerts.size() == 1 ? " info alert" : " info alerts");
    StringBuilder plain = new StringBuilder();
    StringBuilder html = new StringBuilder("<html><body><h2>").append(escape(subject)).append("</h2>");
    for (Alert a : alerts) {
      plain.append(AlertFacts.headline(a)).append('\n').append(plain(a)).append("\n----\n\n");
      html.append("<h3>").append(escape(AlertFacts.headline(a))).append("</h3>").append(table(a));
    }
    return new EmailMessage(subject, plain.toString(), html.append("</body></html>").toString());
  }

  private static String plain(Alert a) {
    StringBuilder text = new StringBuilder();
    for (AlertRows.Row row : AlertRows.of(a)) {
      text.append(String.format("%-10s %s%n", row.label() + ":", row.value()));
    }
    return text.append('\n').append(a.getMessage()).append("\n\nalert_id: ").append(a.getAlertId()).append('\n')
        .toString();
  }

  private static String html(String subject, Alert a) {
    return "<html><body><h2>" + escape(subject) + "</h2>" + table(a) + "</body></html>";
  }

  private static String table(Alert a) {
    StringBuilder html = new StringBuilder("<table>");
    for (AlertRows.Row row : AlertRows.of(a)) {
      html.append("<tr><th align=\"left\">").append(escape(row.label())).append("</th><td>")
          .append(escape(row.value())).append("</td></tr>");
    }
    return html.append("</table><p>").append(escape(a.getMessage())).append("</p><p><small>alert_id ")
        .append(escape(a.getAlertId())).append("</small></p>").toString();
  }

  static String escape(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }
}
