package dev.tollgate.alerting.channel;

import dev.tollgate.alerting.message.Notification;
import dev.tollgate.alerting.routes.ChannelSpec;

/** A configured destination that takes notifications. Safe to call from several threads. */
public interface Channel {

  ChannelSpec spec();

  default String name() {
    return spec().name();
  }

  /**
   * Sends one notification and waits for the receiver's answer, within the configured timeout.
   * Never throws for a failed delivery: the failure is in the result.
   */
  DeliveryResult send(Notification notification);
}
