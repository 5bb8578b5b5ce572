package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.channel.Channel;
import dev.tollgate.alerting.channel.DeliveryResult;
import dev.tollgate.alerting.dispatch.IncidentStore;
import dev.tollgate.alerting.message.ResolveNotice;
import dev.tollgate.alerting.routes.PagerDutySpec;
import dev.tollgate.schemas.avro.Alert;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PagerDuty incidents opened by alerts of a budget period, resolved once that period has ended.
 * Each is kept in the {@link IncidentStore} from the trigger until PagerDuty took the resolve, so a
 * restart in between still resolves it. A resolve that cannot be delivered is retried like an alert
 * and, when given up, parked on the dead-letter topic.
 */
public final class IncidentBook {
  private static final Logger log = LoggerFactory.getLogger(IncidentBook.class);
  private final Context ctx;
  private final Map<String, Incident> open = new LinkedHashMap<>();
  private final Set<String> closed = new HashSet<>();

  public IncidentBook(Context ctx) {
    this.ctx = ctx;
  }

  private static final class Incident {
    final String channel;
    final Alert alert;
    final Attempts attempts = new Attempts();
    CompletableFuture<DeliveryResult> sending;
    CompletableFuture<Void> parking;
    boolean toPark;

    Incident(String channel, Alert alert) {
      this.channel = channel;
      this.alert = alert;
    }
  }

  public void load(Map<String, Alert> stored) {
    stored.forEach((key, alert) -> open.putIfAbsent(key, new Incident(key.substring(0, key.indexOf('|')), alert)));
  }

  void track(String channel, Alert alert) {
    open.putIfAbsent(IncidentStore.key(channel, alert.getAlertId()), new Incident(channel, alert));
  }

  public int size() {
    return open.size();
  }

  public void step(Instant now, boolean draining) {
    for (Map.Entry<String, Incident> e : open.entrySet()) {
      Incident incident = e.getValue();
      collect(e.getKey(), incident, now);
      boolean idle = incident.sending == null && incident.parking == null && !closed.contains(e.getKey());
      if (idle && incident.toPark && incident.attempts.due(now)) {
        park(e.getKey(), incident, now);
      } else if (idle && !draining && !now.isBefore(incident.alert.getPeriodEnd()) && incident.attempts.due(now)) {
        resolve(e.getKey(), incident, now);
      }
    }
    removeClosed();
  }

  public void collect(Instant now) {
    open.forEach((key, incident) -> collect(key, incident, now));
    removeClosed();
  }

  private void removeClosed() {
    closed.forEach(open::remove);
    closed.clear();
  }

  private void resolve(String key, Incident incident, Instant now) {
    Channel channel = ctx.channels.get(incident.channel);
    incident.attempts.begin(now);
    if (channel == null || !(channel.spec() instanceof PagerDutySpec)) {
      incident.sending = CompletableFuture.completedFuture(DeliveryResult.refused("channel " + incident.channel
          + " is no longer a pagerduty channel of the routes file"));
    } else {
      incident.sending = ctx.attempt(channel, () -> {
        DeliveryResult result = channel.send(new ResolveNotice(incident.alert));
        if (result.accepted()) {
          ctx.incidents.close(key);
        }
        return result;
      });
    }
    collect(key, incident, now);
  }

  private void collect(String key, Incident incident, Instant now) {
    if (incident.sending != null && incident.sending.isDone()) {
      DeliveryResult result = incident.sending.join();
      incident.sending = null;
      switch (ctx.retry.judge(result, incident.attempts, now)) {
        case DONE -> finish(key, () -> ctx.metrics.resolved(incident.channel));
        case RETRY -> log.info("{} did not take the resolve of {} (attempt {}): {}", incident.channel, key,
            incident.attempts.count(), result.detail());
        case PARK -> {
          incident.toPark = true;
          park(key, incident, now);
        }
      }
    }
    if (incident.parking != null && incident.parking.isDone()) {
      if (incident.parking.isCompletedExceptionally()) {
        log.error("cannot park the resolve of {}; trying again", key, Jobs.failure(incident.parking));
        incident.parking = null;
        incident.toPark = true;
        incident.attempts.retryAt(now.plus(ctx.retry.delay(2, null)));
      } else {
        incident.parking = null;
        finish(key, () -> ctx.metrics.deadLettered(incident.channel, "pagerduty", "resolve"));
      }
    }
  }

  private void park(String key, Incident incident, Instant now) {
    incident.toPark = false;
    String alertKey = incident.alert.getBudgetId() != null ? incident.alert.getBudgetId() : key;
    incident.parking = ctx.park(alertKey, DeadLetterRecords.ofResolve(ctx.incidentsTopic, incident.channel, "pagerduty",
        incident.alert, incident.attempts, now), () -> ctx.incidents.close(key));
    log.warn("parking the resolve of {}: {}", key, incident.attempts.lastError());
  }

  private void finish(String key, Runnable count) {
    count.run();
    closed.add(key);
  }
}
