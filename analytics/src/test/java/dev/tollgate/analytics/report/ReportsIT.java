package dev.tollgate.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reports read from the real ClickHouse, checked against the same figures computed in Java. */
class ReportsIT {
  private static final String DATABASE = "tollgate_it_reports_" + UUID.randomUUID().toString().replace("-", "");
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final ReportRange NOVEMBER_RANGE = ReportRange.month(NOVEMBER);
  private static final Instant AS_OF = Instant.parse("2026-11-16T00:00:00Z");
  private static List<PricedUsageEvent> events;
  private static Independent expected;
  private static ClickHouseHttp clickHouse;

  @BeforeAll
  static void loadHistory() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    Schema.apply(clickHouse, DATABASE);
    events = ReportData.events(20_000, 42);
    ReportData.insert(clickHouse, DATABASE, events);
    expected = new Independent(events);
  }

  @AfterAll
  static void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  @Test
  void shouldReportTheMonthAsTheEventsAddUp() {
    // when
    MonthlyReport report = new MonthlyReports(clickHouse, DATABASE, Clock.fixed(AS_OF, ZoneOffset.UTC))
        .build(NOVEMBER, Optional.empty());

    // then
    var november = Independent.in(NOVEMBER_RANGE);
    assertThat(Independent.normalized(report.calls())).isEqualTo(Independent.normalized(expected.calls(november)));
    assertThat(report.adjustmentsUsd()).isEqualByComparingTo(expected.adjustments(november));
    assertThat(report.adjustments()).isNotEmpty().allSatisfy(a -> assertThat(a.reason()).isNotBlank());
    assertThat(report.netUsd()).isEqualByComparingTo(expected.calls(november).costUsd().add(expected.adjustments(november)));
    assertThat(Independent.asMap(report.byTeam())).isEqualTo(Independent.normalized(
        expected.callsBy(e -> List.of(e.getTenantId(), e.getTeamId()), november)));
    assertThat(Independent.asMap(report.byFeature())).isEqualTo(Independent.normalized(
        expected.callsBy(e -> List.of(e.getFeature()), november)));
    assertThat(Independent.asMap(report.byModel())).isEqualTo(Independent.normalized(
        expected.callsBy(e -> List.of(e.getProvider(), e.getModel()), november)));
    assertThat(report.byModel()).isSortedAccordingTo(
        Comparator.comparing((SpendLine l) -> l.usage().costUsd()).reversed());
  }

  @Test
  void shouldReportOneTenantAndProjectTheMonthEndFromTheRateSoFar() {
    // when
    MonthlyReport report = new MonthlyReports(clickHouse, DATABASE, Clock.fixed(AS_OF, ZoneOffset.UTC))
        .build(NOVEMBER, Optional.of("globex"));

    // then
    var globexNovember = Independent.in(NOVEMBER_RANGE).and(Independent.tenant("globex"));
    BigDecimal calls = expected.calls(globexNovember).costUsd();
    assertThat(report.calls().costUsd()).isEqualByComparingTo(calls);
    assertThat(report.byTeam()).allSatisfy(l -> assertThat(l.key().get(0)).isEqualTo("globex"));
    assertThat(report.projectedCallsUsd()).hasValueSatisfying(p ->
        assertThat(p).isEqualByComparingTo(calls.multiply(BigDecimal.valueOf(2)).setScale(2, java.math.RoundingMode.HALF_EVEN)));
  }

  @Test
  void shouldBreakDownByUserOverHoursThroughTheHourlyRollup() {
    // given
    ReportRange hours = ReportRange.parse("2026-11-03T07:00:00Z", "2026-11-09T19:00:00Z");

    // when
    List<SpendLine> byUser = new SpendQueries(clickHouse, DATABASE).by(Dimension.USER, hours, Optional.empty());

    // then
    assertThat(hours.wholeDays()).isFalse();
    assertThat(Independent.asMap(byUser)).isEqualTo(Independent.normalized(
        expected.callsBy(e -> List.of(e.getTenantId(), e.getUserId()), Independent.in(hours))));
  }

  @Test
  void shouldGiveEveryDayOfTheTrendWithCallsAndAdjustmentsApart() {
    // given
    ReportRange days = ReportRange.parse("2026-10-15", "2026-11-30");

    // when
    List<DailySpend> trend = new SpendQueries(clickHouse, DATABASE).daily(days, Optional.of("acme"));

    // then
    assertThat(trend).hasSize(47);
    assertThat(trend.get(0).calls()).isEqualTo(Usage.NONE);
    for (DailySpend d : trend) {
      ReportRange day = new ReportRange(d.day().atStartOfDay().toInstant(ZoneOffset.UTC),
          d.day().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
      var filter = Independent.in(day).and(Independent.tenant("acme"));
      assertThat(Independent.normalized(d.calls())).as(d.day().toString())
          .isEqualTo(Independent.normalized(expected.calls(filter)));
      assertThat(d.adjustmentsUsd()).as(d.day().toString()).isEqualByComparingTo(expected.adjustments(filter));
    }
  }

  @Test
  void shouldRankPromptsByCost() {
    // when
    List<PromptSpend> top = new EventQueries(clickHouse, DATABASE).topPrompts(NOVEMBER_RANGE, Optional.empty(), 5);

    // then
    Map<String, BigDecimal> cost = new HashMap<>();
    Map<String, Long> calls = new HashMap<>();
    events.stream().filter(Independent.in(NOVEMBER_RANGE)).filter(Independent::isCall).forEach(e -> {
      cost.merge(e.getEvent().getPromptHash(), e.getCostUsd(), BigDecimal::add);
      calls.merge(e.getEvent().getPromptHash(), 1L, Long::sum);
    });
    List<String> dearest = cost.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed())
        .limit(5).map(Map.Entry::getKey).toList();
    assertThat(top).extracting(PromptSpend::promptHash).containsExactlyElementsOf(dearest);
    assertThat(top).allSatisfy(p -> {
      assertThat(p.costUsd()).isEqualByComparingTo(cost.get(p.promptHash()));
      assertThat(p.calls()).isEqualTo(calls.get(p.promptHash()));
    });
  }

  @Test
  void shouldSplitTheCostOfEachCallOfARequestIntoPartsThatAddUp() {
    // given: a request with a batch call and a transcription, each priced by CostCalculator
    String requestId = events.stream().map(PricedUsageEvent::getEvent)
        .filter(e -> e.getBatch() && e.getProvider().equals("anthropic")).findFirst().orElseThrow().getRequestId();
    List<PricedUsageEvent> calls = events.stream().filter(e -> requestId.equals(e.getEvent().getRequestId())).toList();

    // when
    List<RequestEvent> request = new EventQueries(clickHouse, DATABASE).request(requestId);

    // then
    assertThat(request).extracting(RequestEvent::eventId)
        .containsExactlyInAnyOrderElementsOf(calls.stream().map(e -> e.getEvent().getEventId()).toList());
    for (RequestEvent e : request) {
      CostParts parts = e.parts();
      BigDecimal sum = parts.uncachedInputUsd().add(parts.cachedInputUsd()).add(parts.outputUsd()).add(parts.audioUsd())
          .add(parts.batchDiscountUsd());
      assertThat(sum).isEqualByComparingTo(e.costUsd());
      PricedUsageEvent original = calls.stream().filter(c -> c.getEvent().getEventId().equals(e.eventId())).findFirst().orElseThrow();
      assertThat(e.costUsd()).isEqualByComparingTo(original.getCostUsd());
      if (e.batch() && e.provider().equals("anthropic")) {
        UsageEvent full = UsageEvent.newBuilder(original.getEvent()).setBatch(false).build();
        assertThat(parts.batchDiscountUsd()).isEqualByComparingTo(
            e.costUsd().subtract(CostCalculator.cost(full, original.getPrice())));
        assertThat(parts.batchDiscountUsd().signum()).isLessThanOrEqualTo(0);
      }
    }
  }

  @Test
  void shouldRefuseRangesThatTheRollupsCannotAnswer() {
    // then
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportRange.parse("2026-11-03T07:30:00Z", "2026-11-04"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole hour");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReportRange.parse("2026-11-05", "2026-11-04"))
        .hasMessageContaining("must end after it starts");
    assertThat(ReportRange.parse("2026-11-01", "2026-11-30")).isEqualTo(NOVEMBER_RANGE);
    assertThat(NOVEMBER_RANGE.lastDay()).isEqualTo(LocalDate.of(2026, 11, 30));
  }
}
