package dev.tollgate.processor.budget;

import dev.tollgate.processor.budget.internal.BudgetOutput;
import dev.tollgate.processor.budget.internal.BudgetProcessor;
import dev.tollgate.processor.budget.internal.BudgetRouter;
import dev.tollgate.processor.budget.internal.CorrectionSpend;
import dev.tollgate.processor.budget.internal.FallbackPricingAlerts;
import dev.tollgate.processor.budget.internal.RejectSurgeAlerts;
import dev.tollgate.processor.budget.internal.TenantInput;
import dev.tollgate.processor.budget.internal.TenantInputSerde;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.UsageSpend;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * Spend of priced events, cost corrections and budgets in; budget statuses and alerts out. Spend arrives keyed by
 * tenant; corrections and budgets are re-keyed by tenant into repartition topics of the same partition count, so
 * that one task holds all of a tenant's budgets and spend.
 */
public final class BudgetTopology {
  public static final String SPEND_SOURCE = "spend-source";
  public static final String CORRECTIONS_SOURCE = "corrections-source";
  public static final String APPLIED_CORRECTIONS_STORE = "applied-corrections";
  public static final String BUDGETS_SOURCE = "budgets-source";
  public static final String SPEND_BY_TENANT = "spend-by-tenant";
  public static final String BUDGETS_BY_TENANT = "budgets-by-tenant";
  public static final String BUDGET_TENANTS_STORE = "budget-tenants";
  public static final String FALLBACK_BY_MODEL = "fallback-priced-by-model";
  public static final String FALLBACK_ALERTED_STORE = "fallback-models-alerted";
  public static final BudgetProcessor.StoreNames STORES =
      new BudgetProcessor.StoreNames("budget-definitions", "scope-spend-buckets", "budget-period-spend",
          "budget-rate-minutes", "budget-anomaly-episodes");
  public static final String REJECTED_SOURCE = "rejected-source";
  public static final String ALL_REJECTIONS = "rejections-in-one";
  public static final RejectSurgeAlerts.StoreNames REJECTION_STORES =
      new RejectSurgeAlerts.StoreNames("rejections-per-second", "rejection-surge-episode");

  private BudgetTopology() {}

  public static Topology buildTopology(BudgetConfig config) {
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config.streamsProperties())));

    KStream<String, UsageSpend> spent = builder
        .stream(Topics.USAGE_SPEND.name(), Consumed.with(Topics.USAGE_SPEND.keySerde(), Topics.USAGE_SPEND.valueSerde())
            .withName(SPEND_SOURCE));
    addFallbackAlerts(spent);
    addRejectSurgeAlerts(builder, config);

    KStream<String, TenantInput> corrections = builder
        .stream(Topics.USAGE_CORRECTIONS.name(), Consumed.with(Topics.USAGE_CORRECTIONS.keySerde(),
            Topics.USAGE_CORRECTIONS.valueSerde()).withName(CORRECTIONS_SOURCE))
        .process(CorrectionSpend.supplier(APPLIED_CORRECTIONS_STORE, config.retention()), Named.as("apply-corrections-once"));
    // The spend topic is already keyed and partitioned by tenant; only corrections need re-keying.
    KStream<String, TenantInput> spend = spent
        .mapValues(BudgetTopology::spendOf, Named.as("spend-input"))
        .merge(corrections.repartition(byTenant(SPEND_BY_TENANT, config)), Named.as("spend-and-corrections"));

    KStream<String, TenantInput> budgetChanges = builder
        .stream(Topics.BUDGETS.name(), Consumed.with(Topics.BUDGETS.keySerde(), Topics.BUDGETS.valueSerde())
            .withName(BUDGETS_SOURCE))
        .process(BudgetRouter.supplier(BUDGET_TENANTS_STORE), Named.as("route-budgets-to-tenants"))
        .repartition(byTenant(BUDGETS_BY_TENANT, config));

    BudgetProcessor.Settings settings = new BudgetProcessor.Settings(config.statusInterval(), config.retention(),
        BudgetConfig.EXPIRY_INTERVAL, config.forecastMinElapsedShare(), config.anomaly());
    spend.merge(budgetChanges, Named.as("tenant-inputs"))
        .process(BudgetProcessor.supplier(STORES, settings), Named.as("measure-budgets"))
        .split(Named.as("budget-output-"))
        .branch((budgetId, out) -> out instanceof BudgetOutput.AlertRaised, Branched.withConsumer(alerts -> alerts
            .mapValues(out -> ((BudgetOutput.AlertRaised) out).alert(), Named.as("alert"))
            .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde())
                .withName("alerts-sink")), "alerts"))
        .defaultBranch(Branched.withConsumer(statuses -> statuses
            .mapValues(out -> out instanceof BudgetOutput.StatusChanged changed ? changed.status() : null, Named.as("status"))
            .to(Topics.BUDGET_STATUS.name(), Produced.with(Topics.BUDGET_STATUS.keySerde(), Topics.BUDGET_STATUS.valueSerde())
                .withName("budget-status-sink")), "statuses"));

    return builder.build();
  }

  /** One ops alert per model priced by the fallback rule. */
  private static void addFallbackAlerts(KStream<String, UsageSpend> spent) {
    spent
        .filter((tenantId, spend) -> spend.getFallback() != null, Named.as("fallback-priced"))
        .selectKey((tenantId, spend) -> FallbackPricingAlerts.modelKey(spend.getFallback()), Named.as("key-by-model"))
        .repartition(Repartitioned.with(Serdes.String(), Topics.USAGE_SPEND.valueSerde()).withName(FALLBACK_BY_MODEL))
        .process(FallbackPricingAlerts.supplier(FALLBACK_ALERTED_STORE), Named.as("alert-fallback-priced-models"))
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("ops-alerts-sink"));
  }

  /** Rejections are counted in one place, so a surge spread over partitions is seen whole. */
  private static void addRejectSurgeAlerts(StreamsBuilder builder, BudgetConfig config) {
    builder
        .stream(Topics.USAGE_REJECTED.name(), Consumed.with(Topics.USAGE_REJECTED.keySerde(), Topics.USAGE_REJECTED.valueSerde())
            .withName(REJECTED_SOURCE))
        .selectKey((key, rejected) -> RejectSurgeAlerts.KEY, Named.as("key-rejections-as-one"))
        .repartition(Repartitioned.with(Serdes.String(), Topics.USAGE_REJECTED.valueSerde()).withName(ALL_REJECTIONS)
            .withNumberOfPartitions(1))
        .process(RejectSurgeAlerts.supplier(REJECTION_STORES, config.rejectSurge()), Named.as("alert-rejection-surges"))
        .to(Topics.ALERTS.name(), Produced.with(Topics.ALERTS.keySerde(), Topics.ALERTS.valueSerde()).withName("surge-alerts-sink"));
  }

  private static TenantInput spendOf(UsageSpend spend) {
    return new TenantInput.Spend(spend.getOccurredAt().toEpochMilli(), spend.getTeamId(), spend.getUserId(),
        spend.getFeature(), spend.getCostUsd());
  }

  private static Repartitioned<String, TenantInput> byTenant(String name, BudgetConfig config) {
    return Repartitioned.with(Serdes.String(), TenantInputSerde.serde()).withName(name)
        .withNumberOfPartitions(config.partitions());
  }
}
