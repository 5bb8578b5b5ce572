package dev.tollgate.alerting.message;

import dev.tollgate.schemas.avro.Alert;
import java.util.List;

/** One alert; {@code test} for the notification {@code ./tollgate alerting test} sends. */
public record AlertNotice(Alert alert, boolean test) implements Notification {

  public AlertNotice(Alert alert) {
    this(alert, false);
  }

  @Override
  public String idempotencyKey() {
    return alert.getAlertId();
  }

  @Override
  public String event() {
    return test ? "test" : "alert";
  }

  @Override
  public List<Alert> alerts() {
    return List.of(alert);
  }
}
