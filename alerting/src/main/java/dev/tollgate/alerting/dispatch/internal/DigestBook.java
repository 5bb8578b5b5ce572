package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.channel.Channel;
import dev.tollgate.alerting.channel.DeliveryResult;
import dev.tollgate.alerting.message.AlertNotice;
import dev.tollgate.alerting.message.DigestNotice;
import dev.tollgate.alerting.message.Notification;
import dev.tollgate.alerting.routes.Severity;
import dev.tollgate.schemas.avro.Alert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Info alerts held per channel and sent together once the first of them has waited one digest
 * interval. Their offsets are not committed until the digest is accepted: after a crash they are
 * read and held again; on a clean stop every digest is sent first. A digest that cannot be
 * delivered is retried like an alert and, when given up, each of its alerts is parked.
 */
public final class DigestBook {
  private static final Logger log = LoggerFactory.getLogger(DigestBook.class);
  private final Context ctx;
  private final Map<String, Open> open = new LinkedHashMap<>();
  private final List<Digest> sealed = new ArrayList<>();

  public DigestBook(Context ctx) {
    this.ctx = ctx;
  }

  private record Open(Instant since, List<Delivery> entries) {}

  private static final class Digest {
    final Channel channel;
    final List<Delivery> entries;
    final Attempts attempts = new Attempts();
    CompletableFuture<DeliveryResult> sending;
    boolean finished;

    Digest(Channel channel, List<Delivery> entries) {
      this.channel = channel;
      this.entries = entries;
    }
  }

  boolean takes(Delivery d) {
    return ctx.settings.digests() && d.alert.severity == Severity.INFO && d.channel.spec().digest();
  }

  void hold(Delivery d, Instant now) {
    open.computeIfAbsent(d.channel.name(), name -> new Open(now, new ArrayList<>())).entries().add(d);
  }

  /** Alerts held and not yet accepted, over all channels. */
  public int held() {
    return open.values().stream().mapToInt(o -> o.entries().size()).sum()
        + sealed.stream().mapToInt(d -> d.entries.size()).sum();
  }

  /** Seals the digests that are due (all of them when draining) and moves the sealed ones along. */
  public void step(Instant now, boolean draining) {
    Duration interval = ctx.settings.digestInterval();
    for (Iterator<Map.Entry<String, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Open> batch = it.next();
      if (draining || !now.isBefore(batch.getValue().since().plus(interval))) {
        sealed.add(new Digest(ctx.channels.get(batch.getKey()), batch.getValue().entries()));
        it.remove();
      }
    }
    for (Digest digest : sealed) {
      collect(digest, now);
      if (!digest.finished && digest.sending == null && digest.attempts.due(now)
          && (!draining || digest.attempts.count() == 0)) {
        send(digest, now);
      }
    }
    sealed.removeIf(d -> d.finished);
  }

  public void collect(Instant now) {
    sealed.forEach(d -> collect(d, now));
  }

  private void send(Digest digest, Instant now) {
    List<Alert> alerts = digest.entries.stream().map(d -> d.alert.alert).toList();
    Notification notice = alerts.size() == 1 ? new AlertNotice(alerts.get(0)) : new DigestNotice(alerts);
    digest.attempts.begin(now);
    digest.sending = ctx.attempt(digest.channel, () -> digest.channel.send(notice));
    collect(digest, now);
  }

  private void collect(Digest digest, Instant now) {
    if (digest.sending == null || !digest.sending.isDone()) {
      return;
    }
    DeliveryResult result = digest.sending.join();
    digest.sending = null;
    String channel = digest.channel.name();
    String type = digest.channel.spec().type();
    switch (ctx.retry.judge(result, digest.attempts, now)) {
      case DONE -> {
        for (Delivery d : digest.entries) {
          d.state = Delivery.State.DONE;
          ctx.metrics.delivered(channel, type, Duration.between(d.alert.producedAt, now));
        }
        digest.finished = true;
      }
      case RETRY -> {
        ctx.metrics.retried(channel, type);
        log.info("{} did not take a digest of {} alerts (attempt {}): {}", channel, digest.entries.size(),
            digest.attempts.count(), result.detail());
      }
      case PARK -> {
        for (Delivery d : digest.entries) {
          d.attempts.copyFrom(digest.attempts);
          d.what = digest.entries.size() == 1 ? "alert" : "digest";
          d.state = Delivery.State.PARK;
        }
        digest.finished = true;
      }
    }
  }

  /** Forgets what it holds of partitions this instance no longer owns; their new owner reads them again. */
  public void drop(Collection<TopicPartition> partitions) {
    open.values().forEach(o -> o.entries().removeIf(d -> partitions.contains(d.alert.partition)));
    open.values().removeIf(o -> o.entries().isEmpty());
    for (Digest digest : sealed) {
      if (digest.sending == null) {
        digest.entries.removeIf(d -> partitions.contains(d.alert.partition));
      }
    }
    sealed.removeIf(d -> d.entries.isEmpty());
  }
}
