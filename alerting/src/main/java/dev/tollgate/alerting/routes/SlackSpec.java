package dev.tollgate.alerting.routes;

import java.net.URI;

/** A Slack incoming webhook: a readable message posted to {@code url}. */
public record SlackSpec(String name, URI url, Integer ratePerMinute, boolean digest) implements ChannelSpec {

  @Override
  public String type() {
    return "slack";
  }

  @Override
  public String toString() {
    // The URL of an incoming webhook is its credential.
    return "SlackSpec[name=" + name + ", url=" + url.getScheme() + "://" + url.getHost() + "/***, ratePerMinute="
        + ratePerMinute + ", digest=" + digest + "]";
  }
}
