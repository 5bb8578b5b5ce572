package dev.tollgate.alerting.routes;

import java.net.URI;
import java.util.Map;

/**
 * Any HTTP endpoint: a JSON body POSTed to {@code url}, signed with HMAC-SHA256 over the body when a
 * {@code secret} is set, with optional extra {@code headers}.
 */
public record WebhookSpec(String name, URI url, String secret, Map<String, String> headers, Integer ratePerMinute,
    boolean digest) implements ChannelSpec {

  public WebhookSpec {
    headers = Map.copyOf(headers);
  }

  @Override
  public String type() {
    return "webhook";
  }

  @Override
  public String toString() {
    return "WebhookSpec[name=" + name + ", url=" + url + ", secret=" + (secret == null ? "none" : "***")
        + ", headers=" + headers.keySet() + ", ratePerMinute=" + ratePerMinute + ", digest=" + digest + "]";
  }
}
