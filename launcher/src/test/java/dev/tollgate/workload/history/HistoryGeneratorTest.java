package dev.tollgate.workload.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.validation.UsageEventValidator;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HistoryGeneratorTest {
  private static final Instant NOW = Instant.parse("2026-11-24T00:09:17Z");
  private static final HistorySpec OCTOBER = new HistorySpec(100_000, YearMonth.of(2025, 10), 7, 20, 2000, NOW);
  private static final List<UsageEvent> OCTOBER_EVENTS = generate(OCTOBER);

  @Test
  void shouldGiveTheSameEventsForTheSameSeedAndOthersForAnotherSeed() {
    // given
    HistorySpec other = new HistorySpec(OCTOBER.events(), OCTOBER.month(), 8, 20, 2000, NOW);

    // when
    List<UsageEvent> first = OCTOBER_EVENTS;
    List<UsageEvent> again = generate(OCTOBER);
    List<UsageEvent> otherSeed = generate(other);

    // then
    assertThat(again).isEqualTo(first);
    assertThat(otherSeed.get(0)).isNotEqualTo(first.get(0));
  }

  @Test
  void shouldKeepTheTenantsAndUsersOfASeedButVaryTheCallsFromMonthToMonth() {
    // given
    HistorySpec september = new HistorySpec(OCTOBER.events(), YearMonth.of(2025, 9), OCTOBER.seed(), 20, 2000, NOW);

    // when
    List<UsageEvent> october = OCTOBER_EVENTS;
    List<UsageEvent> before = generate(september);

    // then
    Function<UsageEvent, String> member = e -> e.getTenantId() + "/" + e.getTeamId() + "/" + e.getUserId();
    Set<String> octoberUsers = october.stream().map(member).collect(Collectors.toSet());
    Set<String> sameUsers = before.stream().map(member).filter(octoberUsers::contains).collect(Collectors.toSet());
    assertThat(sameUsers.size()).isGreaterThan(octoberUsers.size() * 95 / 100);
    assertThat(before.stream().map(UsageEvent::getInputTokens).limit(100).toList())
        .isNotEqualTo(october.stream().map(UsageEvent::getInputTokens).limit(100).toList());
  }

  @Test
  void shouldGenerateExactlyTheEventsAskedForEachValidAndUnique() {
    // when
    List<UsageEvent> events = OCTOBER_EVENTS;

    // then
    assertThat(events).hasSize(100_000);
    assertThat(events).allSatisfy(e -> assertThat(UsageEventValidator.validate(e, NOW)).isEmpty());
    assertThat(events.stream().map(UsageEvent::getEventId).distinct().count()).isEqualTo(100_000);
  }

  @Test
  void shouldGiveEveryTenantCreditNotes() {
    // when
    List<UsageEvent> credits = OCTOBER_EVENTS.stream().filter(UsageEventValidator::isAdjustment).toList();

    // then: 3 per tenant, as 100,000 events are too few for one per 50,000 to matter
    assertThat(credits).hasSize(60);
    assertThat(count(credits, UsageEvent::getTenantId)).hasSize(20).allSatisfy((tenant, n) -> assertThat(n).isEqualTo(3));
    assertThat(credits).allSatisfy(c -> {
      assertThat(c.getAmountUsd().signum()).isNegative();
      assertThat(c.getReason()).isNotBlank();
      assertThat(c.getReference()).startsWith("CR-2025-10-");
    });
  }

  @Test
  void shouldMakeAboutOneCreditPerFiftyThousandEventsInLargeHistories() {
    // given
    HistorySpec large = new HistorySpec(10_000_000, YearMonth.of(2025, 10), 7, 20, 2000, NOW);
    HistorySpec tiny = new HistorySpec(50, YearMonth.of(2025, 10), 7, 20, 2000, NOW);

    // then
    assertThat(large.adjustments()).isEqualTo(200);
    assertThat(tiny.adjustments()).isZero();
    assertThat(generate(tiny)).hasSize(50).noneMatch(UsageEventValidator::isAdjustment);
  }

  @Test
  void shouldNeverGenerateAnEventAfterNowInTheCurrentMonth() {
    // given the 24th of November, ten past midnight
    HistorySpec current = new HistorySpec(50_000, YearMonth.of(2026, 11), 3, 20, 2000, NOW);

    // when
    List<UsageEvent> events = generate(current);

    // then
    Instant start = Instant.parse("2026-11-01T00:00:00Z");
    assertThat(events).allSatisfy(e -> assertThat(e.getOccurredAt()).isBetween(start, NOW.minusMillis(1)));
    assertThat(events.stream().map(UsageEvent::getOccurredAt).max(Instant::compareTo).orElseThrow())
        .isAfter(Instant.parse("2026-11-23T00:00:00Z"));
  }

  @Test
  void shouldKeepAPastMonthInsideTheMonth() {
    // when
    List<UsageEvent> events = OCTOBER_EVENTS;

    // then
    assertThat(events).allSatisfy(e -> assertThat(e.getOccurredAt())
        .isBetween(Instant.parse("2025-10-01T00:00:00Z"), Instant.parse("2025-10-31T23:59:59.999Z")));
    Set<Integer> days = events.stream().map(e -> e.getOccurredAt().atZone(ZoneOffset.UTC).getDayOfMonth()).collect(Collectors.toSet());
    assertThat(days).hasSize(31);
  }

  @Test
  void shouldBeBusierOnWeekdaysAndInWorkingHours() {
    // given October 2025: 23 weekdays, 8 weekend days
    List<UsageEvent> calls = OCTOBER_EVENTS.stream().filter(e -> !UsageEventValidator.isAdjustment(e)).toList();

    // when
    long weekend = calls.stream().filter(e -> isWeekend(e.getOccurredAt())).count();
    double perWeekday = (calls.size() - weekend) / 23.0;
    double perWeekendDay = weekend / 8.0;

    // then
    assertThat(perWeekendDay).isBetween(perWeekday * 0.2, perWeekday * 0.6);
    Map<Integer, Long> byHour = count(calls, e -> e.getOccurredAt().atZone(ZoneOffset.UTC).getHour());
    long busiest = byHour.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    long quietest = byHour.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    assertThat(busiest).isGreaterThan(2 * quietest);
  }

  @Test
  void shouldHaveAFewHeavyUsersAndOftenRepeatedPrompts() {
    // given
    List<UsageEvent> calls = OCTOBER_EVENTS.stream().filter(e -> !UsageEventValidator.isAdjustment(e)).toList();

    // when
    List<Long> perUser = count(calls, UsageEvent::getUserId).values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
    Map<String, Long> perPrompt = count(calls.stream().filter(e -> e.getPromptHash() != null).toList(), UsageEvent::getPromptHash);

    // then: the busiest 1% of users make more than a sixth of the calls
    long topOnePercent = perUser.stream().limit(perUser.size() / 100).mapToLong(Long::longValue).sum();
    assertThat(topOnePercent).isGreaterThan(calls.size() / 6);
    long mostRepeated = perPrompt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(mostRepeated).isGreaterThan(50 * calls.size() / perPrompt.size());
    assertThat(perPrompt.keySet()).allSatisfy(hash -> assertThat(hash).matches("ph-[0-9a-f]{16}"));
    assertThat(perUser.size()).isGreaterThan(1000);
  }

  @Test
  void shouldGroupCallsIntoJobsOfOneToFiveCallsOfOneUserAndFeature() {
    // given
    List<UsageEvent> calls = OCTOBER_EVENTS.stream().filter(e -> !UsageEventValidator.isAdjustment(e)).toList();

    // when
    Map<String, List<UsageEvent>> jobs = calls.stream().collect(Collectors.groupingBy(UsageEvent::getRequestId));

    // then
    assertThat(jobs.values()).allSatisfy(job -> {
      assertThat(job).hasSizeBetween(1, 5);
      assertThat(job.stream().map(e -> e.getUserId() + "/" + e.getFeature()).distinct()).hasSize(1);
    });
    assertThat(jobs.values().stream().filter(job -> job.size() > 1).count()).isGreaterThan(jobs.size() / 5);
  }

  @Test
  void shouldMixEveryFeatureAndModelWithAboutTwoPercentErrors() {
    // given
    List<UsageEvent> calls = OCTOBER_EVENTS.stream().filter(e -> !UsageEventValidator.isAdjustment(e)).toList();

    // when
    long errors = calls.stream().filter(e -> "error".equals(e.getStatus())).count();
    Set<String> models = calls.stream().map(e -> e.getFeature() + ":" + e.getProvider() + "/" + e.getModel()).collect(Collectors.toSet());

    // then
    assertThat(errors).isBetween(calls.size() / 70L, calls.size() / 35L);
    Set<String> expected = new HashSet<>();
    Feature.ALL.forEach(f -> f.models().forEach(m -> expected.add(f.name() + ":" + m.provider() + "/" + m.model())));
    assertThat(models).isEqualTo(expected);
    assertThat(calls).filteredOn(e -> e.getCachedInputTokens() > 0).hasSizeGreaterThan(calls.size() / 10);
    assertThat(calls).filteredOn(UsageEvent::getBatch).allSatisfy(e -> assertThat(e.getFeature()).isEqualTo("nightly-summaries"));
    assertThat(calls).filteredOn(e -> e.getAudioSeconds() != null).allSatisfy(e -> assertThat(e.getModel()).isEqualTo("whisper-1"));
  }

  @Test
  void shouldGiveEachTenantTwoToFiveTeams() {
    // when
    Map<String, Set<String>> teams = OCTOBER_EVENTS.stream().filter(e -> e.getTeamId() != null)
        .collect(Collectors.groupingBy(UsageEvent::getTenantId, Collectors.mapping(UsageEvent::getTeamId, Collectors.toSet())));

    // then
    assertThat(teams).hasSize(20).containsKeys("tenant-001", "tenant-020");
    assertThat(teams.values()).allSatisfy(t -> assertThat(t).hasSizeBetween(1, 5));
    assertThat(teams.get("tenant-001")).hasSizeBetween(2, 5);
  }

  private static List<UsageEvent> generate(HistorySpec spec) {
    List<UsageEvent> events = new ArrayList<>();
    new HistoryGenerator(spec).forEachRemaining(events::add);
    return events;
  }

  private static <K> Map<K, Long> count(List<UsageEvent> events, Function<UsageEvent, K> key) {
    Map<K, Long> counts = new HashMap<>();
    events.forEach(e -> counts.merge(key.apply(e), 1L, Long::sum));
    return counts;
  }

  private static boolean isWeekend(Instant at) {
    DayOfWeek day = ZonedDateTime.ofInstant(at, ZoneOffset.UTC).getDayOfWeek();
    return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
  }
}
