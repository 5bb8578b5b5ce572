package dev.tollgate.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.json.BudgetJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetTableTest {
  private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

  @Test
  void shouldShowSpendFromTheStatusAndDashesForABudgetWithoutOne() {
    // given
    Map<String, Budget> budgets = new LinkedHashMap<>();
    budgets.put("acme-month", budget("acme-month", "month", "Europe/Berlin", "5000"));
    budgets.put("globex-day", budget("globex-day", "day", "America/New_York", "12.5"));
    Map<String, BudgetStatus> statuses = Map.of("acme-month", status("acme-month", "4123.456789012345", "82.4691"));

    // when
    Rows rows = BudgetTable.rows(budgets, statuses, NOW);

    // then
    assertThat(rows.rows().get(0)).containsExactly("acme-month", "acme team=search", "month Europe/Berlin", "5000.00",
        "4123.456789", "82.4691", "warning", "hard", "2026-12-01 00:00 +01:00");
    assertThat(rows.rows().get(1)).containsExactly("globex-day", "acme team=search", "day America/New_York", "12.50",
        "-", "-", "-", "hard", "2026-11-21 00:00 -05:00");
  }

  @Test
  void shouldPrintTheBudgetFileFormWithTheExactStatusOnOneJsonLine() throws Exception {
    // given
    Budget budget = budget("acme-month", "month", "Europe/Berlin", "5000");
    BudgetStatus status = status("acme-month", "4123.456789012345", "82.4691");

    // when
    JsonNode json = new ObjectMapper().readTree(BudgetTable.jsonLine(budget, status));
    JsonNode withoutStatus = new ObjectMapper().readTree(BudgetTable.jsonLine(budget, null));

    // then
    assertThat(json.get("budget_id").textValue()).isEqualTo("acme-month");
    assertThat(json.get("limit_usd").textValue()).isEqualTo("5000");
    assertThat(json.get("thresholds").toString()).isEqualTo("[50,75,90,100]");
    assertThat(json.get("status").get("spend_usd").textValue()).isEqualTo("4123.456789012345");
    assertThat(json.get("status").get("percent").textValue()).isEqualTo("82.4691");
    assertThat(json.get("status").get("state").textValue()).isEqualTo("warning");
    assertThat(json.get("status").get("period_end").textValue()).isEqualTo("2026-11-30T23:00:00Z");
    assertThat(json.get("status").get("last_event_at").isNull()).isTrue();
    assertThat(withoutStatus.has("status")).isFalse();
    assertThat(BudgetJson.parse("[" + BudgetTable.jsonLine(budget, null) + "]", NOW).errors())
        .as("the line without status is a valid budget file entry").isEmpty();
  }

  private static Budget budget(String id, String period, String zone, String limit) {
    return Budget.newBuilder()
        .setBudgetId(id)
        .setScope(new BudgetScope("acme", "search", null, null))
        .setPeriod(period)
        .setTimezone(zone)
        .setLimitUsd(new BigDecimal(limit).setScale(12))
        .setThresholdsPct(List.of(pct(50), pct(75), pct(90), pct(100)))
        .setEnforcement("hard")
        .setAppliedAt(NOW)
        .build();
  }

  private static BudgetStatus status(String id, String spend, String percent) {
    return BudgetStatus.newBuilder()
        .setBudgetId(id)
        .setScope(new BudgetScope("acme", "search", null, null))
        .setPeriod("month")
        .setTimezone("Europe/Berlin")
        .setPeriodStart(Instant.parse("2026-10-31T23:00:00Z"))
        .setPeriodEnd(Instant.parse("2026-11-30T23:00:00Z"))
        .setSpendUsd(new BigDecimal(spend).setScale(12))
        .setLimitUsd(new BigDecimal("5000").setScale(12))
        .setPercent(new BigDecimal(percent).setScale(12))
        .setState("warning")
        .setEnforcement("hard")
        .setUpdatedAt(NOW)
        .build();
  }

  private static BigDecimal pct(int value) {
    return BigDecimal.valueOf(value).setScale(12);
  }
}
