package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Alert;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetCorrectionTest {
  private static final Instant NOV_2 = Instant.parse("2026-11-02T09:00:00Z");
  private static final String BUDGETS = """
      [{"budget_id": "acme-month", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"},
       {"budget_id": "search-day", "scope": {"tenant_id": "acme", "team_id": "search"}, "period": "day", "limit_usd": "100"}]""";

  @TempDir
  Path stateDir;
  private BudgetFixture budgets;

  @BeforeEach
  void start() {
    budgets = new BudgetFixture(stateDir, NOV_2.plusSeconds(3600));
    budgets.apply(BUDGETS);
  }

  @AfterEach
  void stop() {
    budgets.close();
  }

  @Test
  void shouldAddACorrectionToTheSpendOfItsScopeAndPeriod() {
    // given
    budgets.spend("acme", "search", "u-1", "chat", "70", NOV_2);

    // when: re-pricing found the calls of 09:00 cost 25.5 more
    budgets.correct("c-1", "acme", "search", "u-1", "chat", "25.5", NOV_2);

    // then
    assertThat(budgets.status("acme-month").getSpendUsd()).isEqualByComparingTo("95.5");
    assertThat(budgets.status("search-day").getSpendUsd()).isEqualByComparingTo("95.5");
    assertThat(budgets.alerts("threshold")).extracting(Alert::getAlertId)
        .contains("acme-month/2026-11/threshold-pct-90");
  }

  @Test
  void shouldApplyACorrectionIdOnlyOnce() {
    // given
    budgets.spend("acme", "search", "u-1", "chat", "40", NOV_2);
    budgets.correct("c-1", "acme", "search", "u-1", "chat", "10", NOV_2);

    // when: a re-run of the same re-pricing sends the same correction again
    budgets.correct("c-1", "acme", "search", "u-1", "chat", "10", NOV_2);

    // then
    assertThat(budgets.status("acme-month").getSpendUsd()).isEqualByComparingTo("50");
  }

  @Test
  void shouldLowerSpendOnANegativeCorrectionAndLeaveOtherScopesAlone() {
    // given
    budgets.spend("acme", "search", "u-1", "chat", "60", NOV_2);
    budgets.spend("acme", "ads", "u-2", "chat", "20", NOV_2);

    // when: a price was lowered; the ads team's calls cost 5 less
    budgets.correct("c-2", "acme", "ads", "u-2", "chat", "-5", NOV_2);

    // then
    assertThat(budgets.status("acme-month").getSpendUsd()).isEqualByComparingTo("75");
    assertThat(budgets.status("search-day").getSpendUsd()).isEqualByComparingTo("60");
  }

  @Test
  void shouldCountACorrectionInThePeriodItsEventsOccurredIn() {
    // given: yesterday's calls of the search team
    Instant yesterday = NOV_2.minusSeconds(86_400);
    budgets.spend("acme", "search", "u-1", "chat", "30", yesterday);
    budgets.spend("acme", "search", "u-1", "chat", "10", NOV_2);

    // when
    budgets.correct("c-3", "acme", "search", "u-1", "chat", "12", yesterday);

    // then: today's daily budget does not move, the month does
    assertThat(budgets.status("search-day").getSpendUsd()).isEqualByComparingTo("10");
    assertThat(budgets.status("acme-month").getSpendUsd()).isEqualByComparingTo("52");
  }
}
