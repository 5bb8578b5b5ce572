package dev.tollgate.alerting.channel;

import dev.tollgate.alerting.channel.internal.HttpPost;
import dev.tollgate.alerting.message.Notification;
import dev.tollgate.alerting.message.Signature;
import dev.tollgate.alerting.message.WebhookBody;
import dev.tollgate.alerting.routes.WebhookSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * POSTs {@link WebhookBody} with headers {@code Idempotency-Key} (the alert_id),
 * {@code X-Tollgate-Event} and, with a secret, {@link Signature#HEADER}.
 */
public final class WebhookChannel implements Channel {
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  public static final String EVENT = "X-Tollgate-Event";

  private final WebhookSpec spec;
  private final HttpPost http;

  public WebhookChannel(WebhookSpec spec, HttpPost http) {
    this.spec = spec;
    this.http = http;
  }

  @Override
  public WebhookSpec spec() {
    return spec;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    byte[] body = WebhookBody.of(notification, spec.name());
    Map<String, String> headers = new LinkedHashMap<>(spec.headers());
    headers.put(IDEMPOTENCY_KEY, notification.idempotencyKey());
    headers.put(EVENT, notification.event());
    if (spec.secret() != null) {
      headers.put(Signature.HEADER, Signature.sign(spec.secret(), body));
    }
    return http.post(spec.url(), body, headers);
  }
}
