package dev.tollgate.alerting.dispatch.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The alerts read from one partition and not yet done, in offset order, and where the committed
 * offset may move: to the first alert not done (with the channels that already took it), or past
 * the last alert read when all are done.
 */
public final class Lane {
  final TopicPartition partition;
  final Deque<PendingAlert> alerts = new ArrayDeque<>();
  ResumeHint resumeHint;
  private long resumeOffset = -1;
  private long nextOffset = -1;
  private OffsetAndMetadata committed;

  Lane(TopicPartition partition, OffsetAndMetadata lastCommit) {
    this.partition = partition;
    if (lastCommit != null) {
      ResumeHint.decode(lastCommit.metadata()).ifPresent(hint -> {
        resumeHint = hint;
        resumeOffset = lastCommit.offset();
      });
      committed = lastCommit;
    }
  }

  void add(PendingAlert alert) {
    alerts.addLast(alert);
    nextOffset = alert.offset + 1;
  }

  /**
   * The consumer has read up to {@code position}: past transaction markers that take offsets but carry
   * no record. Once every alert is done the commit moves there, so the group shows no lag.
   */
  void readUpTo(long position) {
    nextOffset = Math.max(nextOffset, position);
  }

  /** The channels that took the alert at {@code offset} before a restart, if the last commit said so. */
  Set<String> alreadyAccepted(long offset, String alertId) {
    if (resumeHint == null || offset != resumeOffset || !resumeHint.alertId().equals(alertId)) {
      return Set.of();
    }
    return resumeHint.channels();
  }

  void dropDone() {
    while (!alerts.isEmpty() && alerts.peekFirst().done()) {
      alerts.removeFirst();
    }
  }

  public int backlog() {
    return alerts.size();
  }

  /** Where the committed offset should be now, or null if nothing was read yet. */
  OffsetAndMetadata commitPoint() {
    PendingAlert first = alerts.peekFirst();
    if (first == null) {
      return nextOffset < 0 ? null : new OffsetAndMetadata(nextOffset);
    }
    Set<String> accepted = new LinkedHashSet<>();
    for (Delivery d : first.deliveries) {
      if (d.state == Delivery.State.DONE && d.channel != null) {
        accepted.add(d.channel.name());
      }
    }
    String alertId = first.alert == null ? "" : first.alert.getAlertId();
    return new OffsetAndMetadata(first.offset, new ResumeHint(alertId, accepted).encode());
  }

  /** The commit point if it moved since the last commit handed out. */
  OffsetAndMetadata commitDue() {
    OffsetAndMetadata point = commitPoint();
    if (point == null || point.equals(committed)) {
      return null;
    }
    committed = point;
    return point;
  }

  void commitFailed() {
    committed = null;
  }
}
