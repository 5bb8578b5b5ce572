package dev.tollgate.analytics.writer;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.writer.internal.Backoff;
import dev.tollgate.analytics.writer.internal.Batch;
import dev.tollgate.analytics.writer.internal.HeldOffsets;
import dev.tollgate.analytics.writer.internal.OffsetRange;
import dev.tollgate.analytics.writer.internal.ResumePlanner;
import dev.tollgate.analytics.writer.internal.ResumePoint;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the writer's partitions. A newly assigned partition stays paused until ClickHouse has
 * told which of its offsets it already holds (so a ClickHouse outage during a rebalance only
 * delays reading); a revoked one loses its unwritten rows, which its next owner reads again.
 */
final class PartitionResumer implements ConsumerRebalanceListener {
  private static final Logger log = LoggerFactory.getLogger(PartitionResumer.class);

  private final KafkaConsumer<?, ?> consumer;
  private final HeldOffsets held;
  private final Batch batch;
  private final Backoff backoff;
  private final BooleanSupplier insertsFailing;
  private final Set<TopicPartition> pending = new HashSet<>();
  private final Map<Integer, NavigableSet<Long>> skips = new HashMap<>();
  private long nextAttemptAt;

  PartitionResumer(KafkaConsumer<?, ?> consumer, HeldOffsets held, Batch batch, Backoff backoff, BooleanSupplier insertsFailing) {
    this.consumer = consumer;
    this.held = held;
    this.batch = batch;
    this.backoff = backoff;
    this.insertsFailing = insertsFailing;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
    pending.addAll(assigned);
    consumer.pause(assigned);
    nextAttemptAt = 0;
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
    forget(revoked);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> lost) {
    forget(lost);
  }

  HeldOffsets heldOffsets() {
    return held;
  }

  /** True when ClickHouse already holds this record, which is then not written again. */
  boolean alreadyWritten(int partition, long offset) {
    NavigableSet<Long> skip = skips.get(partition);
    if (skip == null) {
      return false;
    }
    if (offset >= skip.last()) {
      skips.remove(partition);
    }
    return skip.contains(offset);
  }

  /** Assigned partitions whose start offset is settled: the ones that are read and committed. */
  Set<TopicPartition> resolved() {
    Set<TopicPartition> resolved = new HashSet<>(consumer.assignment());
    resolved.removeAll(pending);
    return resolved;
  }

  void resumeResolved() {
    consumer.resume(resolved());
  }

  long lag() {
    long lag = 0;
    for (TopicPartition tp : resolved()) {
      OptionalLong partitionLag = consumer.currentLag(tp);
      lag += partitionLag.orElse(0);
    }
    return lag;
  }

  void resolvePending(long now) {
    if (pending.isEmpty() || now < nextAttemptAt) {
      return;
    }
    Set<TopicPartition> resolving = new HashSet<>(pending);
    try {
      Map<TopicPartition, ResumePoint> plan = plan(resolving);
      plan.forEach((tp, point) -> seek(tp, point));
      pending.removeAll(resolving);
      backoff.reset();
      if (!insertsFailing.getAsBoolean()) {
        consumer.resume(resolving);
      }
    } catch (WakeupException | InterruptException e) {
      throw e;
    } catch (ClickHouseException | KafkaException e) {
      long delay = backoff.nextDelayMs();
      nextAttemptAt = now + delay;
      log.warn("cannot yet tell where to resume {} (attempt {}), retrying in {} ms: {}",
          resolving, backoff.failures(), delay, e.getMessage());
    }
  }

  private Map<TopicPartition, ResumePoint> plan(Set<TopicPartition> resolving) {
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(resolving);
    Map<TopicPartition, ResumePoint> plan = new HashMap<>();
    List<OffsetRange> ranges = resolving.stream()
        .filter(tp -> committed.get(tp) != null)
        .map(tp -> OffsetRange.from(tp.partition(), committed.get(tp).offset()))
        .toList();
    Map<Integer, NavigableSet<Long>> heldAfterCommit = held.within(ranges);
    for (TopicPartition tp : resolving) {
      if (committed.get(tp) != null) {
        plan.put(tp, ResumePlanner.afterCommit(committed.get(tp).offset(),
            heldAfterCommit.getOrDefault(tp.partition(), new TreeSet<>())));
      }
    }
    Set<TopicPartition> uncommitted = new HashSet<>(resolving);
    uncommitted.removeAll(plan.keySet());
    if (!uncommitted.isEmpty()) {
      plan.putAll(planWithoutCommit(uncommitted));
    }
    return plan;
  }

  private Map<TopicPartition, ResumePoint> planWithoutCommit(Set<TopicPartition> uncommitted) {
    Map<Integer, Long> highest = held.highest(uncommitted.stream().map(TopicPartition::partition).toList());
    Map<TopicPartition, Long> logStarts = consumer.beginningOffsets(uncommitted);
    Map<TopicPartition, ResumePoint> plan = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> starts = new HashMap<>();
    for (TopicPartition tp : uncommitted) {
      Long high = highest.get(tp.partition());
      ResumePoint point = ResumePlanner.withoutCommit(high == null ? OptionalLong.empty() : OptionalLong.of(high), logStarts.get(tp));
      plan.put(tp, point);
      starts.put(tp, new OffsetAndMetadata(point.startOffset()));
    }
    // Committing the start before the first insert means a crash inside that insert is resumed
    // from a committed offset with its exact skip set, not from whatever part of it was written.
    consumer.commitSync(starts);
    return plan;
  }

  private void seek(TopicPartition tp, ResumePoint point) {
    consumer.seek(tp, point.startOffset());
    if (point.skip().isEmpty()) {
      skips.remove(tp.partition());
    } else {
      skips.put(tp.partition(), point.skip());
    }
    log.info("{}: reading from offset {}, {} offsets from there already in ClickHouse", tp, point.startOffset(), point.skip().size());
  }

  private void forget(Collection<TopicPartition> partitions) {
    List<Integer> ids = partitions.stream().map(TopicPartition::partition).toList();
    int dropped = batch.dropPartitions(ids);
    ids.forEach(skips::remove);
    pending.removeAll(partitions);
    if (dropped > 0) {
      log.info("{} given up; {} rows not yet in ClickHouse are left to their next reader", partitions, dropped);
    }
  }
}
