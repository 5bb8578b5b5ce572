package dev.tollgate.processor;

import dev.tollgate.schemas.Topic;
import dev.tollgate.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates every Tollgate topic the test broker lacks, as `./tollgate up` does: two partitions, or one when compacted. */
public final class TestTopics {
  private TestTopics() {}

  public static void createMissing(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      var existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (Topic<?, ?> topic : Topics.ALL) {
        if (!existing.contains(topic.name())) {
          missing.add(topic.compacted()
              ? new NewTopic(topic.name(), 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
              : new NewTopic(topic.name(), 2, (short) 1));
        }
      }
      admin.createTopics(missing).all().get();
    }
  }
}
