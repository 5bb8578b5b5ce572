package dev.tollgate.cli.kafka;

import dev.tollgate.processor.budget.BudgetConfig;
import dev.tollgate.schemas.Topic;
import dev.tollgate.schemas.Topics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the topics of the registry that do not exist yet, and keeps the compaction settings of the
 * compacted ones up to date; nothing else of an existing topic is changed.
 */
public final class TopicSetup {
  /**
   * Compacted topics are read whole by commands and guards, and the cleaner never touches the active
   * segment: rolling it every hour, and cleaning once a tenth of the log is stale, keeps the status
   * topic (an update per budget every few hundred ms while spend moves) at about an hour of updates
   * instead of a week's.
   */
  static final Map<String, String> COMPACTION = Map.of(
      TopicConfig.SEGMENT_MS_CONFIG, "3600000",
      TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0.1");

  private TopicSetup() {}

  /** As {@link #ensure(Admin, int, int)} with the budget topology's default partitions for the spend topic. */
  public static List<String> ensure(Admin admin, int partitions) throws ExecutionException, InterruptedException {
    return ensure(admin, partitions, BudgetConfig.DEFAULT_PARTITIONS);
  }

  /**
   * @param spendPartitions partitions of the spend topic, which must be the budget topology's
   * @return the names of the topics created
   */
  public static List<String> ensure(Admin admin, int partitions, int spendPartitions) throws ExecutionException, InterruptedException {
    Set<String> existing = admin.listTopics().names().get();
    List<NewTopic> missing = new ArrayList<>();
    Map<ConfigResource, Collection<AlterConfigOp>> compaction = new HashMap<>();
    for (Topic<?, ?> topic : Topics.ALL) {
      if (!existing.contains(topic.name())) {
        missing.add(newTopic(topic, topic == Topics.USAGE_SPEND ? spendPartitions : partitions));
      } else if (topic.compacted()) {
        compaction.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), COMPACTION.entrySet().stream()
            .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET)).toList());
      }
    }
    if (!missing.isEmpty()) {
      admin.createTopics(missing).all().get();
    }
    if (!compaction.isEmpty()) {
      admin.incrementalAlterConfigs(compaction).all().get();
    }
    return missing.stream().map(NewTopic::name).toList();
  }

  private static NewTopic newTopic(Topic<?, ?> topic, int partitions) {
    if (topic.compacted()) {
      // Reference data: small, read whole by every instance, so one partition keeps it in order.
      Map<String, String> configs = new HashMap<>(COMPACTION);
      configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      return new NewTopic(topic.name(), 1, (short) 1).configs(configs);
    }
    return new NewTopic(topic.name(), partitions, (short) 1);
  }
}
