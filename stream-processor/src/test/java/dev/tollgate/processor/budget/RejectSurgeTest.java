package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Alert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectSurgeTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final RejectSurgeSettings TEN_IN_A_MINUTE = new RejectSurgeSettings(Duration.ofMinutes(1), 10);

  @TempDir
  Path stateDir;

  @Test
  void shouldRaiseOneOpsAlertForASurgeOfRejectedEventsNamingTheFields() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOW, AnomalySettings.DEFAULTS, TEN_IN_A_MINUTE)) {
      // given / when twelve rejections within a minute, most for one field
      for (int i = 0; i < 9; i++) {
        budgets.rejected("occurred_at", "not an ISO-8601 instant: 'yesterday'");
        budgets.advance(Duration.ofSeconds(2));
      }
      budgets.rejected("_record", "not valid JSON");
      budgets.rejected("input_tokens", "must be ≥ 0, got -3");
      budgets.rejected("occurred_at", "not an ISO-8601 instant: 'now'");
      budgets.advance(Duration.ofSeconds(2));

      // then
      List<Alert> ops = budgets.alerts("ops");
      assertThat(ops).hasSize(1);
      Alert surge = ops.get(0);
      assertThat(surge.getAlertId()).isEqualTo("ops/rejected-surge/2026-11-23T10:00Z");
      assertThat(surge.getSeverity()).isEqualTo("critical");
      assertThat(surge.getAttributes()).containsEntry("rejected", "12").containsEntry("field.occurred_at", "10")
          .containsEntry("threshold", "10");
      assertThat(surge.getMessage()).contains("12 usage events rejected", "occurred_at (10)", "'now'");
    }
  }

  @Test
  void shouldNotAlertForRejectionsSpreadBelowTheThreshold() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOW, AnomalySettings.DEFAULTS, TEN_IN_A_MINUTE)) {
      // given / when nine rejections a minute for five minutes
      for (int i = 0; i < 45; i++) {
        budgets.rejected("model", "must not be blank");
        budgets.advance(Duration.ofSeconds(7));
      }

      // then
      assertThat(budgets.alerts("ops")).isEmpty();
    }
  }

  @Test
  void shouldAlertAgainOnlyAfterTheSurgeHasSubsided() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOW, AnomalySettings.DEFAULTS, TEN_IN_A_MINUTE)) {
      // given a surge that lasts two minutes
      for (int i = 0; i < 24; i++) {
        budgets.rejected("model", "must not be blank");
        budgets.advance(Duration.ofSeconds(5));
      }

      // when it stops for two minutes, then comes back
      budgets.advance(Duration.ofMinutes(2));
      for (int i = 0; i < 10; i++) {
        budgets.rejected("model", "must not be blank");
      }
      budgets.advance(Duration.ofSeconds(1));

      // then one alert per surge
      assertThat(budgets.alerts("ops")).extracting(Alert::getAlertId)
          .containsExactly("ops/rejected-surge/2026-11-23T10:00Z", "ops/rejected-surge/2026-11-23T10:04Z");
    }
  }
}
