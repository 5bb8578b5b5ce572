package dev.tollgate.alerting.message;

import dev.tollgate.schemas.avro.Alert;
import java.util.List;

/** The end of the incident an alert opened: its budget period is over. */
public record ResolveNotice(Alert alert) implements Notification {

  @Override
  public String idempotencyKey() {
    return alert.getAlertId();
  }

  @Override
  public String event() {
    return "resolve";
  }

  @Override
  public List<Alert> alerts() {
    return List.of(alert);
  }
}
