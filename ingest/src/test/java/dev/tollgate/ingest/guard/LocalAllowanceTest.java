package dev.tollgate.ingest.guard;

import static dev.tollgate.ingest.guard.GuardFixture.NOW;
import static dev.tollgate.ingest.guard.GuardFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.guard.Decision.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overshoot control. Every call here is gpt-4o with 1,000 input and up to 4,000 output tokens:
 * 1,000 × $2.50 / 1M + 4,000 × $10.00 / 1M = $0.0425 at most.
 */
class LocalAllowanceTest {
  private static final CallRequest CALL = new CallRequest("acme", "search", "u1", "chat", "openai", "gpt-4o", 1_000, 4_000);

  private final GuardFixture fixture = new GuardFixture();
  private final BudgetGuard guard = fixture.guard;

  @Test
  void shouldDenyOnceReportedSpendPlusWhatItAllowedReachesTheLimit() {
    // given $0.10 of headroom
    fixture.statuses(status("b-1", "acme").spend("0.90", "1.00").build());

    // when
    List<Outcome> outcomes = checks(4);

    // then 0.0425 and 0.085 are below 0.10; 0.1275 is not
    assertThat(outcomes).containsExactly(Outcome.ALLOW, Outcome.ALLOW, Outcome.ALLOW, Outcome.DENY);
    assertThat(guard.check(CALL).code()).isEqualTo("budget_exhausted");
  }

  @Test
  void shouldDropWhatAStatusIncludes() {
    // given three allowed calls, at t, t+1 ms and t+2 ms, which use up the headroom
    fixture.statuses(status("b-1", "acme").spend("0.90", "1.00").build());
    checks(3);
    assertThat(guard.check(CALL).outcome()).isEqualTo(Outcome.DENY);

    // when a status counts the first two calls (its newest event is the second)
    fixture.statuses(status("b-1", "acme").spend("0.985", "1.00").lastEventAt(NOW.plusMillis(1)).build());

    // then only the third counts on top: 0.985 + 0.0425 ≥ 1.00
    assertThat(guard.check(CALL).outcome()).isEqualTo(Outcome.DENY);

    // and when a status counts the third, with its actual cost lower than its estimate
    fixture.statuses(status("b-1", "acme").spend("0.99", "1.00").lastEventAt(NOW.plusMillis(2)).build());

    // then nothing counts on top of 0.99
    assertThat(guard.check(CALL).outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldKeepWhatIsNewerThanTheStatusesNewestEvent() {
    // given
    fixture.statuses(status("b-1", "acme").spend("0.90", "1.00").build());
    checks(3);

    // when a status arrives whose newest event is older than every allowed call
    fixture.statuses(status("b-1", "acme").spend("0.90", "1.00").lastEventAt(NOW.minusSeconds(5)).build());

    // then
    assertThat(guard.check(CALL).outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void shouldForgetWhatWasAllowedInAnEarlierPeriod() {
    // given the headroom of November used up by this guard
    fixture.statuses(status("b-1", "acme").spend("0.90", "1.00").build());
    checks(3);

    // when December starts and the processor reports the new period, with nothing spent yet
    Instant december = Instant.parse("2026-12-01T00:00:00Z");
    fixture.clock.set(december.plusSeconds(1));
    fixture.statuses(status("b-1", "acme").period("month", december, Instant.parse("2027-01-01T00:00:00Z"))
        .spend("0.90", "1.00").build());

    // then
    assertThat(guard.check(CALL).outcome()).isEqualTo(Outcome.ALLOW);
  }

  @Test
  void shouldReplaceTheEstimateWithTheActualCost() {
    // given three allowed calls ($0.1275 counted)
    fixture.statuses(status("b-1", "acme").spend("0.90", "1.00").build());
    checks(3);

    // when two of them turn out to have cost $0.005 each
    guard.recordActual(CALL, new BigDecimal("0.005"));
    guard.recordActual(CALL, new BigDecimal("0.005"));

    // then 0.0425 + 0.005 + 0.005 = 0.0525 < 0.10; one more call brings it to 0.095 < 0.10, another to 0.1375
    assertThat(checks(3)).containsExactly(Outcome.ALLOW, Outcome.ALLOW, Outcome.DENY);
  }

  @Test
  void shouldNotCountAnActualCostTwiceForOneCall() {
    // given one allowed call
    fixture.statuses(status("b-1", "acme").spend("0.90", "1.00").build());
    checks(1);

    // when its cost is reported twice
    guard.recordActual(CALL, new BigDecimal("0.09"));
    guard.recordActual(CALL, new BigDecimal("0.001"));

    // then the second report finds no estimate left to replace: 0.09 < 0.10 still allows one more
    assertThat(guard.check(CALL).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(guard.check(CALL).outcome()).isEqualTo(Outcome.DENY);
  }

  @Test
  void shouldNotCountCallsAgainstSoftBudgets() {
    // given
    fixture.statuses(status("b-soft", "acme").soft().spend("0.90", "1.00").build());

    // when
    List<Outcome> outcomes = checks(10);

    // then
    assertThat(outcomes).containsOnly(Outcome.ALLOW);
  }

  @Test
  void shouldCountADegradedCallAtTheCheaperModelsPrice() {
    // given a hard budget in degrade state with $0.01 of headroom; on gpt-4o-mini a call costs at most
    // 1,000 × $0.15 / 1M + 4,000 × $0.60 / 1M = $0.00255
    fixture.statuses(status("b-1", "acme").spend("0.99", "1.00").state("degrade").degradeTo("gpt-4o-mini").build());

    // when
    List<Outcome> outcomes = checks(5);

    // then 0.00255, 0.0051, 0.00765 and 0.0102: four calls, then the limit
    assertThat(outcomes).containsExactly(Outcome.DEGRADE, Outcome.DEGRADE, Outcome.DEGRADE, Outcome.DEGRADE, Outcome.DENY);
  }

  @Test
  void shouldKeepWhatItAllowedWhenTheBudgetIsUpdated() {
    // given
    fixture.statuses(status("b-1", "acme").spend("0.90", "1.00").build());
    checks(3);

    // when the limit is raised, the status still counting none of the calls
    fixture.statuses(status("b-1", "acme").spend("0.90", "1.05").build());

    // then 0.90 + 0.1275 < 1.05, and one more reaches it
    assertThat(guard.check(CALL).outcome()).isEqualTo(Outcome.ALLOW);
    assertThat(guard.check(CALL).outcome()).isEqualTo(Outcome.DENY);
  }

  /** Checks one call per millisecond. */
  private List<Outcome> checks(int n) {
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      outcomes.add(guard.check(CALL).outcome());
      fixture.clock.advanceMillis(1);
    }
    return outcomes;
  }
}
