package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BudgetTopologyDescriptionTest {

  @Test
  void shouldNameEveryNodeStoreAndInternalTopic() {
    // given
    BudgetConfig config = new BudgetConfig("tollgate-budgets", "unused:9092", Path.of("unused"), Duration.ofMillis(100), 2,
        BudgetConfig.DEFAULT_STATUS_INTERVAL, BudgetConfig.DEFAULT_RETENTION, 10,
        AnomalySettings.DEFAULTS, RejectSurgeSettings.DEFAULTS, "none");

    // when
    String description = BudgetTopology.buildTopology(config).describe().toString();

    // then: generated names would shift, and rename stores and topics, whenever the topology changes
    assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
    assertThat(description).contains("spend-by-tenant-repartition", "budgets-by-tenant-repartition",
        "budget-tenants", "budget-definitions", "scope-spend-buckets", "budget-period-spend",
        "budget-rate-minutes", "budget-anomaly-episodes", "rejections-in-one-repartition", "rejections-per-second",
        "rejection-surge-episode", "topics: [tollgate.usage.rejected]",
        "topics: [tollgate.usage.spend]", "topics: [tollgate.usage.corrections]", "applied-corrections", "topics: [tollgate.budgets]", "topic: tollgate.alerts",
        "topic: tollgate.budget.status");
  }
}
