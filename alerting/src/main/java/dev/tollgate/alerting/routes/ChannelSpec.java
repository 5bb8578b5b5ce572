package dev.tollgate.alerting.routes;

/**
 * One channel of the routes file: where notifications go and how. Every channel has a unique
 * {@code name} that routes refer to, an optional per-minute rate limit, and says whether its
 * {@code info} alerts may be grouped into a digest.
 */
public sealed interface ChannelSpec permits WebhookSpec, SlackSpec, PagerDutySpec, EmailSpec {

  String name();

  /** webhook, slack, pagerduty or email. */
  String type();

  /** Notifications per minute this channel takes before non-urgent ones wait; null for the default. */
  Integer ratePerMinute();

  /** Whether {@code info} alerts are held and sent as one digest per interval. */
  boolean digest();
}
