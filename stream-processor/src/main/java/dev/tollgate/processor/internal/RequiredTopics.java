package dev.tollgate.processor.internal;

import dev.tollgate.schemas.Topic;
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

  /** Fails with the names of the missing topics, or when the broker cannot be reached. */
  public static void check(String bootstrapServers) {
    Set<String> existing;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot list the topics of Kafka at " + bootstrapServers
          + " (is the broker running? ./tollgate up starts the local stack): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing the topics of Kafka at " + bootstrapServers, e);
    }
    List<String> missing = TOPICS.stream().map(Topic::name).filter(name -> !existing.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("missing topics " + missing + " on Kafka at " + bootstrapServers
          + "; the launcher creates them (./tollgate up)");
    }
  }
}
