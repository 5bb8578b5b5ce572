package dev.tollgate.alerting.channel;

import dev.tollgate.alerting.channel.internal.HttpPost;
import dev.tollgate.alerting.message.Notification;
import dev.tollgate.alerting.message.SlackMessage;
import dev.tollgate.alerting.routes.SlackSpec;
import java.util.Map;

/** POSTs a {@link SlackMessage} to a Slack incoming webhook. */
public final class SlackChannel implements Channel {
  private final SlackSpec spec;
  private final HttpPost http;

  public SlackChannel(SlackSpec spec, HttpPost http) {
    this.spec = spec;
    this.http = http;
  }

  @Override
  public SlackSpec spec() {
    return spec;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    return http.post(spec.url(), SlackMessage.body(notification),
        Map.of(WebhookChannel.IDEMPOTENCY_KEY, notification.idempotencyKey()));
  }
}
