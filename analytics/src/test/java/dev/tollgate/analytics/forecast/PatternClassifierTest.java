package dev.tollgate.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tollgate.analytics.forecast.backtest.SyntheticSpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PatternClassifierTest {
  private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
  private static final int EIGHT_WEEKS = 8 * 168;

  @ParameterizedTest
  @EnumSource(value = PatternKind.class, names = {"STEADY", "GROWING", "DECLINING", "SPIKY", "SEASONAL"})
  void shouldNameThePatternAGeneratedSeriesWasMadeWith(PatternKind pattern) {
    // given eight weeks of each of four scopes made with the pattern
    int named = 0;
    for (long seed = 1; seed <= 4; seed++) {
      HourlySeries series = SyntheticSpend.generate(pattern, MONDAY, EIGHT_WEEKS, new SplittableRandom(seed * 97 + pattern.ordinal()));

      // when
      UsagePattern found = PatternClassifier.classify(series, ZoneOffset.UTC);

      // then
      named += found.kind() == pattern ? 1 : 0;
    }
    assertThat(named).as("%s named right of 4", pattern).isGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldMeasureTheGrowthOfASteadilyGrowingSpend() {
    // given $1 an hour growing by 8% a week, with no noise
    double perHour = Math.log(1.08) / 168;
    HourlySeries series = Hourly.series(MONDAY, EIGHT_WEEKS, at -> BigDecimal.valueOf(
        Math.exp(perHour * (at.getEpochSecond() - MONDAY.getEpochSecond()) / 3600)).setScale(9, java.math.RoundingMode.HALF_EVEN));

    // when
    UsagePattern found = PatternClassifier.classify(series, ZoneOffset.UTC);

    // then
    assertThat(found.kind()).isEqualTo(PatternKind.GROWING);
    assertThat(found.evidence().growthPctPerWeek().getAsDouble()).isCloseTo(8, within(0.2));
    assertThat(found.reason()).startsWith("+8.0% per week");
  }

  @Test
  void shouldCallOfficeHoursSeasonalAndAFlatSpendSteady() {
    // when
    UsagePattern office = PatternClassifier.classify(Hourly.office(MONDAY, EIGHT_WEEKS, "10", ZoneOffset.UTC), ZoneOffset.UTC);
    UsagePattern flat = PatternClassifier.classify(Hourly.flat(MONDAY, EIGHT_WEEKS, "3"), ZoneOffset.UTC);

    // then
    assertThat(office.kind()).isEqualTo(PatternKind.SEASONAL);
    assertThat(office.evidence().seasonalityStrength()).isCloseTo(1, within(0.01));
    assertThat(flat.kind()).isEqualTo(PatternKind.STEADY);
    assertThat(flat.evidence().dailyCv()).isZero();
    assertThat(flat.evidence().growthPctPerWeek()).isEqualTo(OptionalDouble.of(0));
  }

  @Test
  void shouldCallBurstsOnAFlatSpendSpiky() {
    // given $2 an hour, and on four afternoons three hours at $40
    HourlySeries series = Hourly.series(MONDAY, EIGHT_WEEKS, at -> {
      long hour = (at.getEpochSecond() - MONDAY.getEpochSecond()) / 3600;
      boolean burst = hour % (13 * 24) >= 14 && hour % (13 * 24) < 17;
      return new BigDecimal(burst ? "40" : "2");
    });

    // when
    UsagePattern found = PatternClassifier.classify(series, ZoneOffset.UTC);

    // then
    assertThat(found.kind()).isEqualTo(PatternKind.SPIKY);
    assertThat(found.evidence().spikeSpendPct()).isGreaterThan(PatternClassifier.SPIKY_SPEND_PCT);
    assertThat(found.evidence().spikeHoursPct()).isCloseTo(100.0 * 15 / EIGHT_WEEKS, within(0.2));
  }

  @Test
  void shouldWantAWeekOfHistoryAndTwoForATrend() {
    // when
    UsagePattern fiveDays = PatternClassifier.classify(Hourly.flat(MONDAY, 5 * 24, "1"), ZoneOffset.UTC);
    UsagePattern tenDays = PatternClassifier.classify(Hourly.flat(MONDAY, 10 * 24, "1"), ZoneOffset.UTC);

    // then
    assertThat(fiveDays.kind()).isEqualTo(PatternKind.TOO_LITTLE_HISTORY);
    assertThat(fiveDays.reason()).isEqualTo("5 whole days of history, 7 needed");
    assertThat(tenDays.kind()).isEqualTo(PatternKind.STEADY);
    assertThat(tenDays.evidence().growthPctPerWeek()).isEmpty();
  }

  @Test
  void shouldDecideByTheFirstRuleThatHolds() {
    // given evidence of both bursts and a trend
    PatternEvidence both = new PatternEvidence(56, OptionalDouble.of(12), 6, 0.3, 0.8, 1.0, 2, 25, 4, Seasonality.HOUR_OF_WEEK);
    PatternEvidence mildTrend = new PatternEvidence(56, OptionalDouble.of(3), 6, 0.1, 0.2, 0.2, 0, 0, 1.2, Seasonality.HOUR_OF_WEEK);

    // when / then
    assertThat(PatternClassifier.decide(both).kind()).isEqualTo(PatternKind.SPIKY);
    assertThat(PatternClassifier.decide(mildTrend).kind()).isEqualTo(PatternKind.STEADY);
  }
}
