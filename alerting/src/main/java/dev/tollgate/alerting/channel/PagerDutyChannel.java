package dev.tollgate.alerting.channel;

import dev.tollgate.alerting.channel.internal.HttpPost;
import dev.tollgate.alerting.message.AlertNotice;
import dev.tollgate.alerting.message.Notification;
import dev.tollgate.alerting.message.PagerDutyEvent;
import dev.tollgate.alerting.message.ResolveNotice;
import dev.tollgate.alerting.routes.PagerDutySpec;
import java.util.Map;

/** Sends Events API v2 triggers and resolves, with {@code dedup_key} = alert_id. */
public final class PagerDutyChannel implements Channel {
  private final PagerDutySpec spec;
  private final HttpPost http;

  public PagerDutyChannel(PagerDutySpec spec, HttpPost http) {
    this.spec = spec;
    this.http = http;
  }

  @Override
  public PagerDutySpec spec() {
    return spec;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    byte[] body;
    if (notification instanceof AlertNotice a) {
      body = PagerDutyEvent.trigger(a.alert(), spec.routingKey(), spec.source(), a.test());
    } else if (notification instanceof ResolveNotice r) {
      body = PagerDutyEvent.resolve(r.alert(), spec.routingKey());
    } else {
      throw new IllegalArgumentException("pagerduty channels take no " + notification.event());
    }
    return http.post(spec.url(), body, Map.of(WebhookChannel.IDEMPOTENCY_KEY, notification.idempotencyKey()));
  }
}
