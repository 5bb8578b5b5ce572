package dev.tollgate.alerting.message;

import dev.tollgate.schemas.avro.Alert;
import java.util.List;

/** What is sent to a channel: one alert, a digest of info alerts, or the resolve of a PagerDuty incident. */
public sealed interface Notification permits AlertNotice, DigestNotice, ResolveNotice {

  /**
   * The same for every attempt and after a restart, so that a receiver can drop a repeat: the
   * alert_id, or for a digest a hash of the alert ids it holds.
   */
  String idempotencyKey();

  /** alert, digest, resolve or test; the {@code X-Tollgate-Event} header of a webhook. */
  String event();

  List<Alert> alerts();
}
