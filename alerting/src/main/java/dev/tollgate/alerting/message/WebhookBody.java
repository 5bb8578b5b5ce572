package dev.tollgate.alerting.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.schemas.avro.Alert;

/**
 * The JSON body a webhook receives: {@code type} (alert, digest or test), {@code idempotency_key},
 * {@code channel}, then {@code alert} (one alert) or {@code count} and {@code alerts} (a digest).
 * The same notification always gives the same bytes, so a retry carries the same signature.
 */
public final class WebhookBody {
  private WebhookBody() {}

  public static byte[] of(Notification n, String channel) {
    ObjectNode body = AlertJson.MAPPER.createObjectNode();
    body.put("type", n.event());
    body.put("idempotency_key", n.idempotencyKey());
    body.put("channel", channel);
    if (n instanceof DigestNotice digest) {
      body.put("count", digest.alerts().size());
      ArrayNode alerts = body.putArray("alerts");
      for (Alert a : digest.alerts()) {
        alerts.add(AlertJson.toJson(a));
      }
    } else {
      body.set("alert", AlertJson.toJson(n.alerts().get(0)));
    }
    try {
      return AlertJson.MAPPER.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a webhook body: " + e.getMessage(), e);
    }
  }
}
