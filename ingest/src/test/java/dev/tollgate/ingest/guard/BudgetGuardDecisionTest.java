package dev.tollgate.ingest.guard;

import static dev.tollgate.ingest.guard.GuardFixture.call;
import static dev.tollgate.ingest.guard.GuardFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.guard.Decision.Outcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetGuardDecisionTest {
  private final GuardFixture fixture = new GuardFixture();
  private final BudgetGuard guard = fixture.guard;

  @Test
  void shouldAllowWhenNoBudgetCoversTheTenant() {
    // given
    fixture.statuses(status("b-other", "globex").spend("100", "100").state("blocked").build());

    // when
    Decision decision = guard.check(call("acme", "gpt-4o"));

    // then
    assertThat(decision).isEqualTo(new Decision(Outcome.ALLOW, "gpt-4o", "ok", "Within budget.", null));
  }

  @Test
  void shouldDenyWhenAHardBudgetIsBlocked() {
    // given
    fixture.statuses(status("b-search", "acme").team("search").spend("40.25", "40").state("blocked").build());

    // when
    Decision decision = guard.check(call("acme", "gpt-4o"));

    // then
    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
    assertThat(decision.code()).isEqualTo("budget_exhausted");
    assertThat(decision.budgetId()).isEqualTo("b-search");
    assertThat(decision.model()).isNull();
    assertThat(decision.reason()).isEqualTo("The monthly AI budget of team search ($40.00) is used up until 1 Dec 2026; "
        + "ask an admin to raise it or upgrade your plan.");
  }

  @Test
  void shouldAllowWhenASoftBudgetIsOverItsLimitAndNamesNoCheaperModel() {
    // given
    fixture.statuses(status("b-soft", "acme").soft().spend("120", "100").state("warning").build());

    // when
    Decision decision = guard.check(call("acme", "gpt-4o"));

    // then
    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldDegradeWhenASoftBudgetIsBlockedAndNamesACheaperModel() {
    // given a soft budget marked blocked, which the processor does not write today but the contract allows
    fixture.statuses(status("b-soft", "acme").soft().spend("120", "100").state("blocked").degradeTo("gpt-4o-mini").build());

    // when
    Decision decision = guard.check(call("acme", "gpt-4o"));

    // then
    assertThat(decision.outcome()).isEqualTo(Outcome.DEGRADE);
    assertThat(decision.model()).isEqualTo("gpt-4o-mini");
    assertThat(decision.reason()).isEqualTo(
        "The monthly AI budget of acme ($100.00) is used up, so requests use gpt-4o-mini until 1 Dec 2026.");
  }

  @Test
  void shouldDegradeWhenABudgetIsPastItsLastThresholdBelowTheLimit() {
    // given
    fixture.statuses(status("b-team", "acme").team("search").spend("92", "100").state("degrade").degradeTo("gpt-4o-mini").build());

    // when
    Decision decision = guard.check(call("acme", "gpt-4o"));

    // then
    assertThat(decision).isEqualTo(new Decision(Outcome.DEGRADE, "gpt-4o-mini", "budget_degraded",
        "The monthly AI budget of team search ($100.00) is nearly used up, so requests use gpt-4o-mini until 1 Dec 2026.",
        "b-team"));
  }

  @Test
  void shouldAllowACallAlreadyOnTheCheaperModel() {
    // given
    fixture.statuses(status("b-team", "acme").spend("92", "100").state("degrade").degradeTo("gpt-4o-mini").build());

    // when
    Decision decision = guard.check(call("acme", "gpt-4o-mini"));

    // then
    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(decision.model()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void shouldDenyWhenOneBudgetDeniesAndAnotherDegrades() {
    // given
    fixture.statuses(
        status("a-degrade", "acme").spend("95", "100").state("degrade").degradeTo("gpt-4o-mini").build(),
        status("z-blocked", "acme").user("u1").spend("10", "10").state("blocked").build());

    // when
    Decision decision = guard.check(call("acme", "gpt-4o"));

    // then
    assertThat(decision.outcome()).isEqualTo(Outcome.DENY);
    assertThat(decision.budgetId()).isEqualTo("z-blocked");
    assertThat(decision.reason()).startsWith("The monthly AI budget of user u1 ($10.00) is used up");
  }

  @Test
  void shouldLetTheFullestBudgetChooseTheCheaperModel() {
    // given
    fixture.statuses(
        status("b-tenant", "acme").spend("91", "100").state("degrade").degradeTo("gpt-4o-mini").build(),
        status("b-feature", "acme").feature("chat").spend("97", "100").state("degrade").degradeTo("claude-sonnet-4-5").build());

    // when
    Decision decision = guard.check(call("acme", "gpt-4o"));

    // then
    assertThat(decision.budgetId()).isEqualTo("b-feature");
    assertThat(decision.model()).isEqualTo("claude-sonnet-4-5");
  }

  @Test
  void shouldApplyATeamBudgetOnlyToCallsOfThatTeam() {
    // given
    fixture.statuses(status("b-search", "acme").team("search").spend("40", "40").state("blocked").build());

    // when
    Decision sameTeam = guard.check(call("acme", "search", "u1", "chat", "gpt-4o"));
    Decision otherTeam = guard.check(call("acme", "ads", "u1", "chat", "gpt-4o"));
    Decision noTeam = guard.check(call("acme", null, "u1", "chat", "gpt-4o"));

    // then
    assertThat(sameTeam.outcome()).isEqualTo(Outcome.DENY);
    assertThat(otherTeam.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(noTeam.outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldRequireEveryNarrowingFieldOfTheScopeToMatch() {
    // given a budget on one user's use of one feature
    fixture.statuses(status("b-uf", "acme").user("u1").feature("summarize").spend("5", "5").state("blocked").build());

    // when
    Decision both = guard.check(call("acme", "any-team", "u1", "summarize", "gpt-4o"));
    Decision otherFeature = guard.check(call("acme", "any-team", "u1", "chat", "gpt-4o"));
    Decision otherUser = guard.check(call("acme", "any-team", "u2", "summarize", "gpt-4o"));
    Decision noFeature = guard.check(call("acme", "any-team", "u1", null, "gpt-4o"));

    // then
    assertThat(both.outcome()).isEqualTo(Outcome.DENY);
    assertThat(both.reason()).startsWith("The monthly AI budget of user u1 for feature summarize ($5.00)");
    assertThat(otherFeature.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(otherUser.outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(noFeature.outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldStopApplyingAStatusAtTheEndOfItsPeriod() {
    // given a daily budget used up on 20 Nov, whose period ends at midnight
    Instant dayStart = Instant.parse("2026-11-20T00:00:00Z");
    Instant dayEnd = Instant.parse("2026-11-21T00:00:00Z");
    fixture.statuses(status("b-day", "acme").period("day", dayStart, dayEnd).spend("3", "3").state("blocked").build());

    // when
    fixture.clock.set(dayEnd.minusMillis(1));
    Decision lastMillisecond = guard.check(call("acme", "gpt-4o"));
    fixture.clock.set(dayEnd);
    Decision nextDay = guard.check(call("acme", "gpt-4o"));

    // then
    assertThat(lastMillisecond.outcome()).isEqualTo(Outcome.DENY);
    assertThat(lastMillisecond.reason()).contains("daily AI budget").contains("until 21 Nov 2026");
    assertThat(nextDay.outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldNotApplyAStatusOfAPeriodThatHasNotStarted() {
    // given
    fixture.statuses(status("b-next", "acme")
        .period("month", Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"))
        .spend("100", "100").state("blocked").build());

    // when
    Decision decision = guard.check(call("acme", "gpt-4o"));

    // then
    assertThat(decision.outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldAllowAgainOnceTheBudgetIsRemoved() {
    // given
    fixture.statuses(status("b-1", "acme").spend("100", "100").state("blocked").build());
    Decision before = guard.check(call("acme", "gpt-4o"));

    // when
    fixture.remove("b-1");

    // then
    assertThat(before.outcome()).isEqualTo(Outcome.DENY);
    assertThat(guard.check(call("acme", "gpt-4o")).outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldFollowABudgetThatMovesToAnotherTenant() {
    // given
    fixture.statuses(status("b-1", "acme").spend("100", "100").state("blocked").build());

    // when
    fixture.statuses(status("b-1", "globex").spend("100", "100").state("blocked").build());

    // then
    assertThat(guard.check(call("acme", "gpt-4o")).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(guard.check(call("globex", "gpt-4o")).outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void shouldAllowWhenTheLatestStatusIsNoLongerBlocked() {
    // given a limit raised after the budget was blocked
    fixture.statuses(status("b-1", "acme").spend("100", "100").state("blocked").build());

    // when
    fixture.statuses(status("b-1", "acme").spend("100", "200").state("ok").build());

    // then
    assertThat(guard.check(call("acme", "gpt-4o")).outcome()).isEqualTo(Outcome.ALLOW);
  }
}
