package dev.tollgate.alerting.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A partition given to this instance starts from its last commit, with the channels that commit says
 * already took the alert there. A partition taken away is committed as far as its deliveries got,
 * after the running attempts finished; what it held in digests is read again by its new owner.
 */
final class Rebalance implements ConsumerRebalanceListener {
  private static final Logger log = LoggerFactory.getLogger(Rebalance.class);
  private final KafkaConsumer<String, byte[]> consumer;
  private final Supplier<DeliveryEngine> engine;
  private final Clock clock;
  private final Duration grace;

  Rebalance(KafkaConsumer<String, byte[]> consumer, Supplier<DeliveryEngine> engine, Clock clock, Duration grace) {
    this.consumer = consumer;
    this.engine = engine;
    this.clock = clock;
    this.grace = grace;
  }

  @Override
  public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
    for (TopicPartition partition : partitions) {
      engine.get().assigned(partition, committed.get(partition));
    }
    log.info("delivering alerts of {}", partitions);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    if (partitions.isEmpty()) {
      return;
    }
    DeliveryEngine e = engine.get();
    try {
      e.jobs().awaitIdle(grace);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    e.collect(clock.instant());
    Map<TopicPartition, OffsetAndMetadata> offsets = e.commitPoints(partitions);
    try {
      consumer.commitSync(offsets);
    } catch (RuntimeException failed) {
      log.warn("cannot commit {} before handing it over; its new owner delivers some alerts again: {}", partitions,
          failed.getMessage());
    }
    e.revoked(partitions);
  }

  @Override
  public void onPartitionsLost(Collection<TopicPartition> partitions) {
    engine.get().revoked(partitions);
  }
}
