package dev.tollgate.cli.kafka;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.admin.ListOffsetsOptions;

/** How far a consumer group is behind the end of the topics it has committed offsets for. */
public final class ConsumerLag {
  private ConsumerLag() {}

  /** Records not yet consumed, per topic; empty when the group has committed nothing. */
  public static Map<String, Long> of(Admin admin, String groupId, Set<String> topics)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetAndMetadata> relevant = committed.entrySet().stream()
        .filter(e -> topics.contains(e.getKey().topic()) && e.getValue() != null)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<TopicPartition, OffsetSpec> latest = relevant.keySet().stream()
        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends =
        admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
    Map<String, Long> lag = new TreeMap<>();
    relevant.forEach((tp, offset) ->
        lag.merge(tp.topic(), Math.max(0, ends.get(tp).offset() - offset.offset()), Long::sum));
    return lag;
  }
}
