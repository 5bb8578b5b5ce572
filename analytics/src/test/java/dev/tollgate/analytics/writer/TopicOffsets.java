package dev.tollgate.analytics.writer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Committed offsets of consumer groups on one topic, compared with the end of its partitions. */
record TopicOffsets(String bootstrap, String topic, int partitions) {

  /** The offsets the group committed, by partition; a partition it never committed is absent. */
  Map<TopicPartition, Long> committed(String groupId) {
    try (Admin admin = admin()) {
      Map<TopicPartition, Long> committed = new HashMap<>();
      admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get()
          .forEach((tp, offset) -> {
            if (offset != null) {
              committed.put(tp, offset.offset());
            }
          });
      return committed;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the offsets of " + groupId, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The offset the next record of each partition will get. */
  Map<TopicPartition, Long> end() {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
    }
    try (Admin admin = admin()) {
      Map<TopicPartition, Long> end = new HashMap<>();
      admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
      return end;
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot read the end offsets of " + topic, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Moves the offsets of a group without members back to the start, so that it reads every record again. */
  void rewind(String groupId) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      start.put(new TopicPartition(topic, p), new OffsetAndMetadata(0));
    }
    try (Admin admin = admin()) {
      admin.alterConsumerGroupOffsets(groupId, start).all().get();
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
  }
}
