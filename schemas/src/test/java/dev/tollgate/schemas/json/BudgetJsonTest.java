package dev.tollgate.schemas.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Budget;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetJsonTest {
  private static final Instant APPLIED = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void shouldReadABudgetWithTheDocumentedDefaults() {
    // given
    String json = """
        [{"budget_id": "acme-monthly", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "1000.50"}]""";

    // when
    BudgetJson.Budgets read = BudgetJson.parse(json, APPLIED);

    // then
    assertThat(read.errors()).isEmpty();
    Budget budget = read.budgets().get(0);
    assertThat(budget.getTimezone()).isEqualTo("UTC");
    assertThat(budget.getEnforcement()).isEqualTo("soft");
    assertThat(budget.getLimitUsd()).isEqualByComparingTo("1000.50");
    assertThat(budget.getThresholdsPct()).extracting(t -> t.intValueExact()).containsExactly(50, 75, 90, 100);
    assertThat(budget.getThresholdAmountsUsd()).isEmpty();
    assertThat(budget.getScope().getTeamId()).isNull();
    assertThat(budget.getAppliedAt()).isEqualTo(APPLIED);
  }

  @Test
  void shouldSortThresholdsAndAcceptAbsoluteAmounts() {
    // given
    String json = """
        [{"budget_id": "b", "scope": {"tenant_id": "t", "team_id": "search", "feature": "chat"}, "period": "week",
          "timezone": "Asia/Kolkata", "limit_usd": 200, "thresholds": [100, 80.5, "25"],
          "threshold_amounts_usd": ["150.25", 50], "enforcement": "hard", "degrade_to_model": "gpt-4o-mini"}]""";

    // when
    Budget budget = BudgetJson.parse(json, APPLIED).budgets().get(0);

    // then
    assertThat(budget.getThresholdsPct()).extracting(t -> t.stripTrailingZeros().toPlainString())
        .containsExactly("25", "80.5", "100");
    assertThat(budget.getThresholdAmountsUsd()).extracting(t -> t.stripTrailingZeros().toPlainString())
        .containsExactly("50", "150.25");
    assertThat(budget.getScope().getFeature()).isEqualTo("chat");
    assertThat(budget.getDegradeToModel()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void shouldNameTheFieldAndReasonOfEveryInvalidBudgetAndKeepTheValidOnes() {
    // given
    String json = """
        [{"budget_id": "ok", "scope": {"tenant_id": "t"}, "period": "day", "limit_usd": 1},
         {"budget_id": "p", "scope": {"tenant_id": "t"}, "period": "year", "limit_usd": 1},
         {"budget_id": "z", "scope": {"tenant_id": "t"}, "period": "day", "timezone": "Mars/Olympus", "limit_usd": 1},
         {"budget_id": "s", "scope": {"team_id": "x"}, "period": "day", "limit_usd": 1},
         {"budget_id": "l", "scope": {"tenant_id": "t"}, "period": "day", "limit_usd": "-5"},
         {"budget_id": "ok", "scope": {"tenant_id": "t"}, "period": "day", "limit_usd": 2},
         {"budget_id": "h", "scope": {"tenant_id": "t"}, "period": "day", "limit_usd": 1, "thresholds": [50, 0]},
         {"budget_id": "a|b", "scope": {"tenant_id": "t"}, "period": "day", "limit_usd": 1}]""";

    // when
    BudgetJson.Budgets read = BudgetJson.parse(json, APPLIED);

    // then
    assertThat(read.budgets()).extracting(Budget::getBudgetId).containsExactly("ok");
    assertThat(read.errors()).extracting(e -> e.index() + " " + e.violation().field()).containsExactly(
        "1 period", "2 timezone", "3 scope.tenant_id", "4 limit_usd", "5 budget_id", "6 thresholds", "7 budget_id");
    assertThat(read.errors().get(0).violation().reason()).contains("day", "week", "month", "year");
  }

  @Test
  void shouldRefuseAFileThatIsNotAnArray() {
    // when
    BudgetJson.Budgets read = BudgetJson.parse("{\"budget_id\": \"x\"}", APPLIED);

    // then
    assertThat(read.budgets()).isEmpty();
    assertThat(read.errors()).singleElement().satisfies(e -> assertThat(e.violation().reason()).contains("array"));
  }

  @Test
  void shouldReadBackWhatItWrites() {
    // given
    String json = """
        [{"budget_id": "b", "scope": {"tenant_id": "t", "user_id": "u"}, "period": "month", "timezone": "America/New_York",
          "limit_usd": "99.99", "thresholds": [10, 100], "threshold_amounts_usd": ["5"], "enforcement": "hard"}]""";
    Budget budget = BudgetJson.parse(json, APPLIED).budgets().get(0);

    // when
    Budget again = BudgetJson.parse("[" + BudgetJson.toJson(budget) + "]", APPLIED).budgets().get(0);

    // then
    assertThat(again).isEqualTo(budget);
  }

  @Test
  void shouldWriteThresholdsAsPeopleWroteThem() {
    // given
    Budget budget = BudgetJson.parse("""
        [{"budget_id": "b", "scope": {"tenant_id": "t"}, "period": "day", "limit_usd": "10", "thresholds": [50, 87.5, 100]}]""",
        APPLIED).budgets().get(0);

    // when
    String json = BudgetJson.toJson(budget).toString();

    // then
    assertThat(json).contains("\"thresholds\":[50,87.5,100]");
  }
}
