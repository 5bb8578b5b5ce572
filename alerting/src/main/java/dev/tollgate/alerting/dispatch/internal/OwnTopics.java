package dev.tollgate.alerting.dispatch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics only this service writes: created when missing (the launcher creates them too), the
 * incidents topic compacted, so the service also runs against a broker set up by other means.
 */
public final class OwnTopics {
  private static final long TIMEOUT_SECONDS = 30;

  private OwnTopics() {}

  public static void ensure(String bootstrap, String deadLetterTopic, String incidentsTopic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      if (!existing.contains(deadLetterTopic)) {
        missing.add(new NewTopic(deadLetterTopic, 1, (short) 1));
      }
      if (!existing.contains(incidentsTopic)) {
        missing.add(new NewTopic(incidentsTopic, 1, (short) 1)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      }
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create the topics " + deadLetterTopic + " and " + incidentsTopic
            + " on Kafka at " + bootstrap + ": " + e.getCause().getMessage(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka at " + bootstrap + " did not answer within " + TIMEOUT_SECONDS
          + " s (is it running? ./tollgate up starts the local stack)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking the topics on Kafka at " + bootstrap, e);
    }
  }
}
