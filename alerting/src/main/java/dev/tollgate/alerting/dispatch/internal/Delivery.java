package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.channel.Channel;
import dev.tollgate.alerting.channel.DeliveryResult;
import java.util.concurrent.CompletableFuture;

/**
 * One alert to one channel. READY until attempted (or while waiting for a retry or the rate),
 * SENDING while an attempt runs, HELD while in a digest, PARK when it is to be dead-lettered,
 * PARKING while the dead letter is written, DONE once accepted or parked.
 */
public final class Delivery {
  public enum State { READY, SENDING, HELD, PARK, PARKING, DONE }

  final PendingAlert alert;
  /** Null for a record that could not be read or routed: it is parked without a channel. */
  final Channel channel;
  final Attempts attempts = new Attempts();
  State state = State.READY;
  /** alert, digest, resolve, unreadable or unrouted: what the dead letter will say was not delivered. */
  String what = "alert";
  CompletableFuture<DeliveryResult> sending;
  CompletableFuture<Void> parking;

  Delivery(PendingAlert alert, Channel channel) {
    this.alert = alert;
    this.channel = channel;
  }

  static Delivery park(PendingAlert alert, String what, String reason) {
    Delivery d = new Delivery(alert, null);
    d.state = State.PARK;
    d.what = what;
    d.attempts.answered(reason);
    return d;
  }

  public State state() {
    return state;
  }

  public String channelName() {
    return channel == null ? null : channel.name();
  }

  boolean settled() {
    return state == State.DONE || state == State.HELD;
  }
}
