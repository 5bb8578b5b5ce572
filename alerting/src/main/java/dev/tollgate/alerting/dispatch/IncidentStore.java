package dev.tollgate.alerting.dispatch;

import dev.tollgate.schemas.avro.Alert;
import java.util.Map;

/**
 * The PagerDuty incidents opened and not yet resolved, kept across restarts, keyed by
 * {@code <channel>|<alert_id>}.
 */
public interface IncidentStore {

  static String key(String channel, String alertId) {
    return channel + "|" + alertId;
  }

  /** Every open incident. */
  Map<String, Alert> load();

  /** Records an incident as open, durably, or throws; called from delivery threads. */
  void open(String key, Alert alert);

  /** Records an incident as resolved, durably, or throws; called from delivery threads. */
  void close(String key);
}
