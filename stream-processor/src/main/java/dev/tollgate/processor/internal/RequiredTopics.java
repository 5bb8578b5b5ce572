package dev.tollgate.processor.internal;

import dev.tollgate.schemas.Topic;
import dev.tollgate.processor.budget.BudgetConfig;
import dev.tollgate.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The topics the processor reads and writes are created by the launcher, not here: a processor
 * that quietly created them with broker defaults would hide a missing stack and get compaction
 * of the price topic wrong.
 */
public final class RequiredTopics {
  static final List<Topic<?, ?>> TOPICS = Topics.ALL;
  private static final long TIMEOUT_SECONDS = 30;

  private RequiredTopics() {}

  /**
   * Fails with the names of the missing topics, when the spend topic's partitions differ from the budget
   * topology's, or when the broker cannot be reached.
   */
  public static void check(String bootstrapServers, int budgetPartitions) {
    Set<String> existing;
    int spendPartitions;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      requireAll(existing, bootstrapServers);
      spendPartitions = admin.describeTopics(List.of(Topics.USAGE_SPEND.name())).allTopicNames()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(Topics.USAGE_SPEND.name()).partitions().size();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list the topics of Kafka at " + bootstrapServers
          + " (is the broker running? ./tollgate up starts the local stack): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing the topics of Kafka at " + bootstrapServers, e);
    }
    if (spendPartitions != budgetPartitions) {
      // One budget task reads partition p of the spend topic and of its own repartition topics: with other
      // counts a tenant's spend and its budgets would meet in different tasks.
      throw new IllegalStateException(Topics.USAGE_SPEND.name() + " has " + spendPartitions + " partitions but the budget"
          + " topology uses " + budgetPartitions + " (" + BudgetConfig.PARTITIONS + "); they must be equal");
    }
  }

  private static void requireAll(Set<String> existing, String bootstrapServers) {
    List<String> missing = TOPICS.stream().map(Topic::name).filter(name -> !existing.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("missing topics " + missing + " on Kafka at " + bootstrapServers
          + "; the launcher creates them (./tollgate up)");
    }
  }
}
