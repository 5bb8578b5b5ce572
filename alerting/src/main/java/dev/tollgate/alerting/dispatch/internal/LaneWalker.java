package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.channel.DeliveryResult;
import dev.tollgate.alerting.dispatch.IncidentStore;
import dev.tollgate.alerting.message.AlertNotice;
import dev.tollgate.alerting.routes.PagerDutySpec;
import dev.tollgate.schemas.avro.Alert;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the alerts of one partition along, in offset order. Only the first alert that is not
 * settled is attempted; later ones wait, so a failing channel holds back the partition's later
 * alerts rather than letting them overtake. Info alerts held in a digest count as settled. A
 * non-urgent alert waits for its channel's rate, unless an urgent alert is queued behind it in the
 * same partition: then it goes at once, so the urgent one never waits on a rate.
 */
public final class LaneWalker {
  private static final Logger log = LoggerFactory.getLogger(LaneWalker.class);
  private final Context ctx;
  private final DigestBook digests;
  private final IncidentBook incidents;

  public LaneWalker(Context ctx, DigestBook digests, IncidentBook incidents) {
    this.ctx = ctx;
    this.digests = digests;
    this.incidents = incidents;
  }

  public void advance(Lane lane, Instant now, boolean draining) {
    collect(lane, now);
    int lastUrgent = -1;
    int index = 0;
    for (PendingAlert a : lane.alerts) {
      if (a.severity.urgent()) {
        lastUrgent = index;
      }
      index++;
    }
    index = 0;
    for (PendingAlert a : lane.alerts) {
      for (Delivery d : a.deliveries) {
        start(d, now, index <= lastUrgent, draining);
      }
      if (!a.settled()) {
        break;
      }
      index++;
    }
    lane.dropDone();
  }

  /** Takes in the answers of attempts and parks that finished, starting nothing. */
  public void collect(Lane lane, Instant now) {
    for (PendingAlert a : lane.alerts) {
      for (Delivery d : a.deliveries) {
        collect(d, now);
      }
    }
  }

  private void collect(Delivery d, Instant now) {
    if (d.state == Delivery.State.SENDING && d.sending.isDone()) {
      DeliveryResult result = d.sending.join();
      d.sending = null;
      judge(d, result, now);
    }
    if (d.state == Delivery.State.PARKING && d.parking.isDone()) {
      if (d.parking.isCompletedExceptionally()) {
        d.state = Delivery.State.PARK;
        d.attempts.retryAt(now.plus(ctx.retry.delay(2, null)));
        log.error("cannot write the dead letter of {} for {}; trying again", d.alert.key, d.channelName(),
            Jobs.failure(d.parking));
      } else {
        d.state = Delivery.State.DONE;
        ctx.metrics.deadLettered(d.channelName(), d.channel == null ? null : d.channel.spec().type(), d.what);
        log.warn("parked {} {} at {}-{} offset {} ({}): {}", d.what, alertId(d), d.alert.partition.topic(),
            d.alert.partition.partition(), d.alert.offset, d.channel == null ? "no channel" : "channel "
            + d.channel.name(), d.attempts.lastError());
      }
      d.parking = null;
    }
  }

  private void judge(Delivery d, DeliveryResult result, Instant now) {
    switch (ctx.retry.judge(result, d.attempts, now)) {
      case DONE -> {
        d.state = Delivery.State.DONE;
        ctx.metrics.delivered(d.channel.name(), d.channel.spec().type(), Duration.between(d.alert.producedAt, now));
        if (opensIncident(d)) {
          incidents.track(d.channel.name(), d.alert.alert);
        }
      }
      case RETRY -> {
        d.state = Delivery.State.READY;
        ctx.metrics.retried(d.channel.name(), d.channel.spec().type());
        log.info("{} did not take {} (attempt {}): {}; next attempt in {} ms", d.channel.name(), alertId(d),
            d.attempts.count(), result.detail(), Math.max(0, Duration.between(now, d.attempts.dueAt()).toMillis()));
      }
      case PARK -> d.state = Delivery.State.PARK;
    }
  }

  private void start(Delivery d, Instant now, boolean pullThrough, boolean draining) {
    if (d.state == Delivery.State.READY && d.attempts.due(now) && !draining && mayGo(d, now, pullThrough)) {
      d.attempts.begin(now);
      d.state = Delivery.State.SENDING;
      d.sending = ctx.attempt(d.channel, () -> send(d));
      collect(d, now);
    }
    if (d.state == Delivery.State.PARK && d.attempts.due(now)) {
      d.state = Delivery.State.PARKING;
      d.parking = ctx.park(d.alert.key, DeadLetterRecords.of(d, now), () -> { });
      collect(d, now);
    }
  }

  /**
   * A first attempt goes into a digest instead, or waits for the channel's rate; retries go when due.
   * The rate is asked again on every step, so an urgent alert arriving behind can pull it through.
   */
  private boolean mayGo(Delivery d, Instant now, boolean pullThrough) {
    if (d.attempts.count() > 0) {
      return true;
    }
    if (digests.takes(d)) {
      digests.hold(d, now);
      d.state = Delivery.State.HELD;
      return false;
    }
    TokenBucket bucket = ctx.bucket(d.channel);
    if (pullThrough) {
      bucket.take(now);
      return true;
    }
    return bucket.tryTake(now);
  }

  /** Runs on a delivery thread: the attempt, and for PagerDuty the durable record of the open incident. */
  private DeliveryResult send(Delivery d) {
    Alert alert = d.alert.alert;
    DeliveryResult result = d.channel.send(new AlertNotice(alert));
    if (result.accepted() && opensIncident(d)) {
      try {
        ctx.incidents.open(IncidentStore.key(d.channel.name(), alert.getAlertId()), alert);
      } catch (RuntimeException e) {
        return DeliveryResult.retry("accepted, but the open incident could not be recorded: " + e.getMessage());
      }
    }
    return result;
  }

  private static boolean opensIncident(Delivery d) {
    return d.channel.spec() instanceof PagerDutySpec && d.alert.alert.getPeriodEnd() != null;
  }

  static String alertId(Delivery d) {
    return d.alert.alert == null ? "record" : d.alert.alert.getAlertId();
  }
}
