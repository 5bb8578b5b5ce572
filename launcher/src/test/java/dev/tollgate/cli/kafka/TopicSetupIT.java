package dev.tollgate.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.Topics;
import dev.tollgate.stack.testing.TestStack;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicSetupIT {

  @Test
  void shouldCreateEveryTopicAndKeepCompactedOnesSmallEvenWhenTheyExistedBefore() throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.kafka().bootstrapServers()))) {
      // given: the status topic made by an older set-up, with the broker's segment and cleaning defaults
      if (!admin.listTopics().names().get().contains(Topics.BUDGET_STATUS.name())) {
        admin.createTopics(List.of(new NewTopic(Topics.BUDGET_STATUS.name(), 1, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
      }

      // when
      TopicSetup.ensure(admin, 2);
      TopicSetup.ensure(admin, 2);

      // then
      assertThat(admin.listTopics().names().get()).containsAll(Topics.ALL.stream().map(t -> t.name()).toList());
      for (String topic : List.of(Topics.BUDGET_STATUS.name(), Topics.BUDGETS.name(), Topics.PRICES.name())) {
        Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic))).all().get()
            .values().iterator().next();
        assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).as(topic).isEqualTo("compact");
        assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).as(topic).isEqualTo("3600000");
        assertThat(config.get(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG).value()).as(topic).isEqualTo("0.1");
      }
    }
  }
}
