package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Alert;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsAlertTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir
  Path stateDir;

  @Test
  void shouldRaiseOneOpsAlertPerModelPricedByTheFallback() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOW)) {
      // given / when calls of two unknown models from two tenants, and a catalog-priced call
      budgets.fallbackPriced("acme", "gpt-9-preview", NOW);
      budgets.fallbackPriced("globex", "gpt-9-preview", NOW);
      budgets.fallbackPriced("acme", "o9", NOW);
      budgets.fallbackPriced("acme", "gpt-9-preview", NOW);
      budgets.spend("acme", "1", NOW);

      // then
      List<Alert> ops = budgets.alerts("ops");
      assertThat(ops).extracting(Alert::getAlertId)
          .containsExactly("ops/fallback-priced/openai/gpt-9-preview", "ops/fallback-priced/openai/o9");
      assertThat(ops.get(0).getSeverity()).isEqualTo("warning");
      assertThat(ops.get(0).getAttributes()).containsEntry("model", "gpt-9-preview").containsEntry("tenant_id", "acme");
      assertThat(ops.get(0).getMessage()).contains("gpt-9-preview", "prices load");
    }
  }
}
