package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.channel.Channel;
import dev.tollgate.alerting.routes.Routes;
import dev.tollgate.alerting.routes.Severity;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lane of each owned partition. A record becomes a pending alert with one delivery per channel
 * of its route; a record that cannot be read, or that no route takes, gets a delivery that parks it.
 */
public final class Lanes {
  private static final Logger log = LoggerFactory.getLogger(Lanes.class);
  private static final Deserializer<Alert> ALERTS = Topics.ALERTS.valueSerde().deserializer();
  private final Routes routes;
  private final Context ctx;
  private final Map<TopicPartition, Lane> lanes = new HashMap<>();

  public Lanes(Routes routes, Context ctx) {
    this.routes = routes;
    this.ctx = ctx;
  }

  public Collection<Lane> all() {
    return lanes.values();
  }

  public void assign(TopicPartition partition, OffsetAndMetadata lastCommit) {
    lanes.put(partition, new Lane(partition, lastCommit));
  }

  public void accept(ConsumerRecord<String, byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    Lane lane = lanes.computeIfAbsent(partition, p -> new Lane(p, null));
    Instant producedAt = Instant.ofEpochMilli(record.timestamp());
    Alert alert;
    try {
      alert = record.value() == null ? null : ALERTS.deserialize(record.topic(), record.value());
    } catch (RuntimeException e) {
      PendingAlert unreadable = new PendingAlert(partition, record.offset(), record.key(), null, record.value(), producedAt);
      unreadable.deliveries.add(Delivery.park(unreadable, "unreadable", e.getMessage()));
      lane.add(unreadable);
      return;
    }
    PendingAlert pending = new PendingAlert(partition, record.offset(), record.key(), alert, record.value(), producedAt);
    if (alert == null) {
      pending.deliveries.add(Delivery.park(pending, "unreadable", "the record has no value"));
    } else {
      route(lane, pending, alert);
    }
    lane.add(pending);
  }

  private void route(Lane lane, PendingAlert pending, Alert alert) {
    Routes.Selection selection = routes.select(alert);
    if (!selection.matched()) {
      String tenant = alert.getScope() == null ? "none" : alert.getScope().getTenantId();
      pending.deliveries.add(Delivery.park(pending, "unrouted", "no route matches tenant " + tenant + ", kind "
          + alert.getKind() + ", severity " + Severity.ofAlert(alert.getSeverity()).label()
          + "; add a route without \"match\" at the end of the routes file to catch the rest"));
      return;
    }
    if (selection.channels().isEmpty()) {
      ctx.metrics.ignored();
      log.debug("a route drops {} on purpose", alert.getAlertId());
    }
    Set<String> accepted = lane.alreadyAccepted(pending.offset, alert.getAlertId());
    for (String name : selection.channels()) {
      Channel channel = ctx.channels.get(name);
      Delivery d = new Delivery(pending, channel);
      if (accepted.contains(name)) {
        d.state = Delivery.State.DONE;
      }
      pending.deliveries.add(d);
    }
  }

  public Map<TopicPartition, OffsetAndMetadata> commitsDue() {
    Map<TopicPartition, OffsetAndMetadata> due = new HashMap<>();
    lanes.forEach((partition, lane) -> {
      OffsetAndMetadata point = lane.commitDue();
      if (point != null) {
        due.put(partition, point);
      }
    });
    return due;
  }

  public Map<TopicPartition, OffsetAndMetadata> commitPoints(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> points = new HashMap<>();
    for (TopicPartition partition : partitions) {
      Lane lane = lanes.get(partition);
      OffsetAndMetadata point = lane == null ? null : lane.commitPoint();
      if (point != null) {
        points.put(partition, point);
      }
    }
    return points;
  }

  public void commitFailed(Collection<TopicPartition> partitions) {
    partitions.stream().map(lanes::get).filter(Objects::nonNull).forEach(Lane::commitFailed);
  }

  public void remove(Collection<TopicPartition> partitions) {
    partitions.forEach(lanes::remove);
  }

  public void readUpTo(TopicPartition partition, long position) {
    Lane lane = lanes.get(partition);
    if (lane != null) {
      lane.readUpTo(position);
    }
  }

  public int backlog(TopicPartition partition) {
    Lane lane = lanes.get(partition);
    return lane == null ? 0 : lane.backlog();
  }
}
