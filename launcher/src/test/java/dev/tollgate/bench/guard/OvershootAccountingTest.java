package dev.tollgate.bench.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OvershootAccountingTest {

  @Test
  void shouldCountTheCallsThatTookTheSpendAboveTheLimitInOrderOfOccurrence() {
    // given calls of $0.40 recorded out of order
    CallLedger ledger = new CallLedger();
    for (long at : new long[] {5, 1, 4, 2, 3}) {
      ledger.add(at, new BigDecimal("0.40"));
    }

    // when / then 0.40, 0.80, 1.20 (above $1), 1.60, 2.00
    assertThat(ledger.pastLimit(BigDecimal.ONE)).isEqualTo(3);
    assertThat(ledger.total()).isEqualByComparingTo("2.00");
    assertThat(ledger.count()).isEqualTo(5);
  }

  @Test
  void shouldNotCountACallThatBringsTheSpendExactlyToTheLimit() {
    // given
    CallLedger ledger = new CallLedger();
    ledger.add(1, new BigDecimal("0.50"));
    ledger.add(2, new BigDecimal("0.50"));

    // when / then
    assertThat(ledger.pastLimit(BigDecimal.ONE)).isZero();
  }

  @Test
  void shouldStateTheOvershootInDollarsAndPercentOfTheLimit() {
    // given
    OvershootResult result = new OvershootResult(4, 25, "gpt-4o", true, new BigDecimal("5"), new BigDecimal("5.173920000000"),
        true, 823, 28, new BigDecimal("0.006287"), 8240, 164, 287, 435, 440);

    // when / then
    assertThat(result.overshootUsd()).isEqualByComparingTo("0.17392");
    assertThat(result.overshootPct()).isEqualByComparingTo("3.48");
    assertThat(result.table()).contains("overshoot                 $0.173920  = 3.48 % of the limit")
        .contains("status propagation        p50 287 ms, p99 435 ms, max 440 ms");
  }

  @Test
  void shouldMeasureEachGuardsFirstReceiptOfEachNewStatus() {
    // given
    PropagationLog log = new PropagationLog("b-1");

    // when guard 0 receives two statuses, one of them twice; guard 1 one; and a status of another budget
    log.received(0, "b-1", status("b-1", 1_000), 1_300);
    log.received(0, "b-1", status("b-1", 1_000), 1_900);
    log.received(0, "b-1", status("b-1", 2_000), 2_100);
    log.received(1, "b-1", status("b-1", 1_000), 1_500);
    log.received(1, "b-2", status("b-2", 1_000), 9_000);

    // then the latencies are 300, 100 and 500 ms
    assertThat(log.samples()).isEqualTo(3);
    assertThat(log.percentile(50)).isEqualTo(300);
    assertThat(log.percentile(100)).isEqualTo(500);
    assertThat(log.latest(0).getLastEventAt()).isEqualTo(Instant.ofEpochMilli(2_000));
  }

  private static BudgetStatus status(String budgetId, long lastEventAtMillis) {
    Instant at = Instant.ofEpochMilli(lastEventAtMillis);
    return BudgetStatus.newBuilder().setBudgetId(budgetId).setScope(BudgetScope.newBuilder().setTenantId("t").build())
        .setPeriod("day").setTimezone("UTC").setPeriodStart(Instant.EPOCH).setPeriodEnd(Instant.EPOCH.plusSeconds(86_400))
        .setSpendUsd(BigDecimal.ONE).setLimitUsd(BigDecimal.TEN).setPercent(BigDecimal.TEN).setState("ok")
        .setEnforcement("hard").setLastEventAt(at).setUpdatedAt(at).build();
  }
}
