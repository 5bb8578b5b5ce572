package dev.tollgate.alerting.routes;

import java.net.URI;

/**
 * PagerDuty Events API v2: each alert triggers an event with {@code dedup_key} = alert_id, resolved
 * when the alert's budget period ends. Never digested: PagerDuty groups and deduplicates itself.
 */
public record PagerDutySpec(String name, URI url, String routingKey, String source, Integer ratePerMinute)
    implements ChannelSpec {

  public static final URI DEFAULT_URL = URI.create("https://events.pagerduty.com/v2/enqueue");
  public static final String DEFAULT_SOURCE = "tollgate";

  @Override
  public String type() {
    return "pagerduty";
  }

  @Override
  public boolean digest() {
    return false;
  }

  @Override
  public String toString() {
    return "PagerDutySpec[name=" + name + ", url=" + url + ", routingKey=***, source=" + source
        + ", ratePerMinute=" + ratePerMinute + "]";
  }
}
