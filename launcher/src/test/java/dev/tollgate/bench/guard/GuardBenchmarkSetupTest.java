package dev.tollgate.bench.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.guard.BudgetGuard;
import dev.tollgate.ingest.guard.CallRequest;
import dev.tollgate.ingest.guard.Decision;
import dev.tollgate.ingest.guard.TokenTiers;
import dev.tollgate.ingest.guard.internal.GuardFeed;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardBenchmarkSetupTest {

  @Test
  void shouldListTheCheckBenchmarkWhereJmhLooksForBenchmarks() throws Exception {
    // given the annotation processor ran at compile time

    // when
    String list;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList on the class path").isNotNull();
      list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    // then
    assertThat(list).contains(GuardCheckBenchmark.class.getName()).contains("SampleTime");
  }

  @Test
  void shouldGiveTheGuardAMixOfAllowedDegradedAndDeniedCalls() {
    // given
    Instant now = Instant.parse("2026-11-20T10:00:00Z");
    GuardFeed feed = new GuardFeed();
    GuardWorkload workload = new GuardWorkload(1_000);
    workload.feed(feed, now);
    BudgetGuard guard = BudgetGuard.detached(feed, TokenTiers.unlimited(), Clock.fixed(now, ZoneOffset.UTC));

    // when
    Map<Decision.Outcome, Integer> outcomes = new EnumMap<>(Decision.Outcome.class);
    for (CallRequest request : workload.requests(10_000)) {
      outcomes.merge(guard.check(request).outcome(), 1, Integer::sum);
    }

    // then
    assertThat(feed.statusIndex().tenants()).isEqualTo(1_000);
    assertThat(outcomes.get(Decision.Outcome.ALLOW)).isGreaterThan(5_000);
    assertThat(outcomes.get(Decision.Outcome.DEGRADE)).isGreaterThan(100);
    assertThat(outcomes.get(Decision.Outcome.DENY)).isGreaterThan(100);
  }
}
