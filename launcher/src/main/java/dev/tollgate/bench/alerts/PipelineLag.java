package dev.tollgate.bench.alerts;

import dev.tollgate.cli.kafka.ConsumerLag;
import dev.tollgate.config.Env;
import dev.tollgate.processor.ProcessorConfig;
import dev.tollgate.processor.budget.BudgetConfig;
import dev.tollgate.processor.budget.BudgetTopology;
import dev.tollgate.schemas.Topics;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * How many records the two processor applications have yet to read, from their committed offsets:
 * a lag that keeps growing means the processor is slower than the load, and every probe waits for it.
 */
final class PipelineLag implements AutoCloseable {
  /** Records behind: pricing on the raw topic, the budget processor on the spend topic plus its corrections repartition. */
  record Lag(long pricing, long budgets) {}

  private final Admin admin;
  private final String pricingGroup;
  private final String budgetsGroup;
  private final Set<String> budgetTopics;

  PipelineLag(String bootstrap, Env env) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "alert-bench-lag");
    this.admin = Admin.create(p);
    this.pricingGroup = ProcessorConfig.fromEnv(env).applicationId();
    this.budgetsGroup = BudgetConfig.fromEnv(env).applicationId();
    this.budgetTopics = Set.of(Topics.USAGE_SPEND.name(),
        budgetsGroup + "-" + BudgetTopology.SPEND_BY_TENANT + "-repartition");
  }

  /** The topic on which the pricing processor hands each event's spend, keyed by tenant, to budgets. */
  String spendTopic() {
    return Topics.USAGE_SPEND.name();
  }

  Lag now() throws ExecutionException, InterruptedException {
    return new Lag(sum(ConsumerLag.of(admin, pricingGroup, Set.of(Topics.USAGE_RAW.name()))),
        sum(ConsumerLag.of(admin, budgetsGroup, budgetTopics)));
  }

  private static long sum(Map<String, Long> lag) {
    return lag.values().stream().mapToLong(Long::longValue).sum();
  }

  @Override
  public void close() {
    admin.close();
  }
}
