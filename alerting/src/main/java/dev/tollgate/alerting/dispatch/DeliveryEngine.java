package dev.tollgate.alerting.dispatch;

import dev.tollgate.alerting.channel.Channel;
import dev.tollgate.alerting.dispatch.internal.Context;
import dev.tollgate.alerting.dispatch.internal.DigestBook;
import dev.tollgate.alerting.dispatch.internal.IncidentBook;
import dev.tollgate.alerting.dispatch.internal.Jobs;
import dev.tollgate.alerting.dispatch.internal.Lane;
import dev.tollgate.alerting.dispatch.internal.LaneWalker;
import dev.tollgate.alerting.dispatch.internal.Lanes;
import dev.tollgate.alerting.dispatch.internal.RetryPolicy;
import dev.tollgate.alerting.metrics.AlertingMetrics;
import dev.tollgate.alerting.routes.Routes;
import dev.tollgate.schemas.avro.Alert;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Delivery without Kafka's consumer: takes records in partition order, routes them, sends, retries,
 * holds digests, parks, resolves incidents, and says how far each partition's committed offset may
 * move. Every method runs on one thread (the consumer's); sends and parks run on {@code executor}.
 * Time is passed in, so the whole schedule can be driven step by step.
 */
public final class DeliveryEngine {
  private final Lanes lanes;
  private final LaneWalker walker;
  private final DigestBook digests;
  private final IncidentBook incidents;
  private final Jobs jobs;
  private boolean draining;

  /** Where dead letters and open incidents are kept; {@code incidentsTopic} names the latter in dead letters. */
  public record Sinks(DeadLetters deadLetters, IncidentStore incidents, String incidentsTopic) {}

  public DeliveryEngine(Routes routes, Map<String, Channel> channels, DeliverySettings settings, Sinks sinks,
      AlertingMetrics metrics, Executor executor, RandomGenerator random) {
    RetryPolicy retry = new RetryPolicy(settings.retryFirst(), settings.retryMax(), settings.giveUpAfter(), random);
    this.jobs = new Jobs(executor);
    Context ctx = new Context(channels, settings, retry, jobs, metrics, sinks.deadLetters(), sinks.incidents(),
        sinks.incidentsTopic());
    this.digests = new DigestBook(ctx);
    this.incidents = new IncidentBook(ctx);
    this.walker = new LaneWalker(ctx, digests, incidents);
    this.lanes = new Lanes(routes, ctx);
  }

  /** A partition this instance now owns, with its last commit (null if none). */
  public void assigned(TopicPartition partition, OffsetAndMetadata lastCommit) {
    lanes.assign(partition, lastCommit);
  }

  /** The next record of its partition; records of one partition must come in offset order. */
  public void accept(ConsumerRecord<String, byte[]> record) {
    lanes.accept(record);
  }

  /**
   * The consumer's position in {@code partition}: every record before it was accepted. Lets the
   * commit pass transaction markers.
   */
  public void readUpTo(TopicPartition partition, long position) {
    lanes.readUpTo(partition, position);
  }

  public void loadIncidents(Map<String, Alert> open) {
    incidents.load(open);
  }

  /** Takes in finished attempts and starts what is due at {@code now}. */
  public void step(Instant now) {
    for (Lane lane : lanes.all()) {
      walker.advance(lane, now, draining);
    }
    digests.step(now, draining);
    incidents.step(now, draining);
    // Digests accepted or given up just now settle alerts; walk again so the partitions move on.
    for (Lane lane : lanes.all()) {
      walker.advance(lane, now, draining);
    }
  }

  /** Takes in finished attempts, starting nothing. */
  public void collect(Instant now) {
    lanes.all().forEach(lane -> walker.collect(lane, now));
    digests.collect(now);
    incidents.collect(now);
  }

  /**
   * From now on no new attempt starts except the digests held so far (sent at once) and dead
   * letters already decided; what runs finishes. Later records are read again after a restart.
   */
  public void beginDrain() {
    draining = true;
  }

  /** Whether an attempt or a park is still running. */
  public boolean busy() {
    return jobs.busy();
  }

  public Jobs jobs() {
    return jobs;
  }

  /** The commit points that moved since last asked, to commit now. */
  public Map<TopicPartition, OffsetAndMetadata> commitsDue() {
    return lanes.commitsDue();
  }

  /** The current commit points of {@code partitions}, for a synchronous commit. */
  public Map<TopicPartition, OffsetAndMetadata> commitPoints(Collection<TopicPartition> partitions) {
    return lanes.commitPoints(partitions);
  }

  public void commitFailed(Collection<TopicPartition> partitions) {
    lanes.commitFailed(partitions);
  }

  /** Forgets partitions this instance no longer owns. */
  public void revoked(Collection<TopicPartition> partitions) {
    lanes.remove(partitions);
    digests.drop(partitions);
  }

  /** Alerts read from {@code partition} and not yet done. */
  public int backlog(TopicPartition partition) {
    return lanes.backlog(partition);
  }

  public int heldInDigests() {
    return digests.held();
  }

  public int openIncidents() {
    return incidents.size();
  }
}
