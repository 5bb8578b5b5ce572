package dev.tollgate.processor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.UsageSpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpendSumsTest {
  private static final Instant T = Instant.parse("2026-03-01T10:15:00Z");

  private final SpendSums sums = new SpendSums();

  @Test
  void shouldSumEventsOfOneScopeAndMinuteExactlyStampedWithTheLatest() {
    // given three events of one scope within the minute, out of order
    sums.add(spend("acme", "search", "u-1", T.plusSeconds(20), "0.000000000001"));
    sums.add(spend("acme", "search", "u-1", T.plusSeconds(59), "0.100000000000"));
    sums.add(spend("acme", "search", "u-1", T.plusSeconds(5), "-0.050000000000"));

    // when
    List<UsageSpend> out = sums.drain();

    // then
    assertThat(out).hasSize(1);
    UsageSpend sum = out.get(0);
    assertThat(sum.getCostUsd()).isEqualTo(new BigDecimal("0.050000000001"));
    assertThat(sum.getEvents()).isEqualTo(3);
    assertThat(sum.getOccurredAt()).isEqualTo(T.plusSeconds(59));
    assertThat(sum.getTenantId()).isEqualTo("acme");
    assertThat(sum.getTeamId()).isEqualTo("search");
    assertThat(sum.getUserId()).isEqualTo("u-1");
    assertThat(sum.getFeature()).isEqualTo("chat");
  }

  @Test
  void shouldKeepApartWhatBudgetsTellApart() {
    // given the same spend in another minute, tenant, team, no team, user and feature
    sums.add(spend("acme", "search", "u-1", T, "1"));
    sums.add(spend("acme", "search", "u-1", T.plusSeconds(60), "1"));
    sums.add(spend("globex", "search", "u-1", T, "1"));
    sums.add(spend("acme", "support", "u-1", T, "1"));
    sums.add(spend("acme", null, "u-1", T, "1"));
    sums.add(spend("acme", "search", "u-2", T, "1"));
    sums.add(UsageSpend.newBuilder(spend("acme", "search", "u-1", T, "1")).setFeature("search").build());

    // when
    List<UsageSpend> out = sums.drain();

    // then
    assertThat(out).hasSize(7).allSatisfy(sum -> assertThat(sum.getEvents()).isEqualTo(1));
  }

  @Test
  void shouldStartEmptyAfterADrainAndAddRecordsThatAlreadySumSeveralEvents() {
    // given
    sums.add(spend("acme", "search", "u-1", T, "2"));
    sums.drain();

    // when
    sums.add(UsageSpend.newBuilder(spend("acme", "search", "u-1", T, "3")).setEvents(4).build());
    sums.add(spend("acme", "search", "u-1", T, "5"));

    // then
    List<UsageSpend> out = sums.drain();
    assertThat(out).singleElement().satisfies(sum -> {
      assertThat(sum.getEvents()).isEqualTo(5);
      assertThat(sum.getCostUsd()).isEqualByComparingTo("8");
    });
    assertThat(sums.size()).isZero();
  }

  private static UsageSpend spend(String tenant, String team, String user, Instant at, String cost) {
    return UsageSpend.newBuilder().setTenantId(tenant).setTeamId(team).setUserId(user).setFeature("chat")
        .setOccurredAt(at).setCostUsd(new BigDecimal(cost)).setFallback(null).build();
  }
}
