package dev.tollgate.processor.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The changelog of the dedup store is cleaned by retention only. Its keys (event id and first
 * sighting) never repeat, so compaction, Kafka Streams' default for window stores, frees nothing
 * and yet makes the broker rewrite the whole log each time half of it is new (9 of 33 s of broker
 * CPU in one 2-million-event benchmark run).
 */
public final class DedupChangelog {
  private static final Logger LOG = LoggerFactory.getLogger(DedupChangelog.class);
  private static final long TIMEOUT_SECONDS = 30;

  private DedupChangelog() {}

  /** The topic settings Kafka Streams creates the changelog with. */
  public static Map<String, String> topicConfig() {
    return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
  }

  public static String topicName(String applicationId, String storeName) {
    return applicationId + "-" + storeName + "-changelog";
  }

  /** Kafka Streams leaves existing internal topics as they are, so a changelog made earlier is switched here. */
  public static void retentionOnly(String bootstrapServers, String topic) {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      if (!admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(topic)) {
        return;
      }
      Config config = admin.describeConfigs(List.of(resource)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(resource);
      ConfigEntry policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
      if (policy != null && TopicConfig.CLEANUP_POLICY_DELETE.equals(policy.value())) {
        return;
      }
      admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
          new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE), AlterConfigOp.OpType.SET))))
          .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      LOG.info("{}: cleanup.policy {} -> delete", topic, policy == null ? "default" : policy.value());
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot set the cleanup policy of " + topic + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while setting the cleanup policy of " + topic, e);
    }
  }
}
