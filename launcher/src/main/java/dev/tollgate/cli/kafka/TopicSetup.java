package dev.tollgate.cli.kafka;

import dev.tollgate.schemas.Topic;
import dev.tollgate.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the topics of the registry that do not exist yet; existing topics are left as they are. */
public final class TopicSetup {
  private TopicSetup() {}

  /** @return the names of the topics created */
  public static List<String> ensure(Admin admin, int partitions) throws ExecutionException, InterruptedException {
    Set<String> existing = admin.listTopics().names().get();
    List<NewTopic> missing = new ArrayList<>();
    for (Topic<?, ?> topic : Topics.ALL) {
      if (!existing.contains(topic.name())) {
        missing.add(newTopic(topic, partitions));
      }
    }
    if (!missing.isEmpty()) {
      admin.createTopics(missing).all().get();
    }
    return missing.stream().map(NewTopic::name).toList();
  }

  private static NewTopic newTopic(Topic<?, ?> topic, int partitions) {
    if (topic.compacted()) {
      // Reference data: small, read whole by every instance, so one partition keeps it in order.
      return new NewTopic(topic.name(), 1, (short) 1)
          .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    return new NewTopic(topic.name(), partitions, (short) 1);
  }
}
