package dev.tollgate.analytics.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.forecast.Horizon;
import dev.tollgate.analytics.forecast.PatternKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BacktestTest {
  private static final BacktestSettings SETTINGS = new BacktestSettings(12, 3, 5, 8, 0.80);
  private static BacktestReport report;

  @BeforeAll
  static void run() {
    report = Backtest.run(SETTINGS, (done, total) -> {});
  }

  @Test
  void shouldForecastSteadyAndSeasonalSpendWithinAFewPercent() {
    // then the rest of a day within 15%, of a week within 8%, of a month within 6% on average
    for (String pattern : List.of("steady", "seasonal")) {
      assertThat(report.score(pattern, Horizon.DAY).mapePct()).as(pattern + " day").isLessThan(15);
      assertThat(report.score(pattern, Horizon.WEEK).mapePct()).as(pattern + " week").isLessThan(8);
      assertThat(report.score(pattern, Horizon.MONTH).mapePct()).as(pattern + " month").isLessThan(6);
    }
  }

  @Test
  void shouldCoverTheActualTotalAboutAsOftenAsTheIntervalPromises() {
    // then 80% intervals hold the actual total in 65% to 95% of the forecasts (60 per pattern and horizon)
    for (String pattern : List.of("steady", "seasonal", "all")) {
      for (Horizon horizon : Horizon.values()) {
        HorizonScore score = report.score(pattern, horizon);
        assertThat(score.nominalPct()).isEqualTo(80);
        assertThat(score.coveragePct()).as(pattern + " " + horizon).isBetween(65.0, 95.0);
      }
    }
  }

  @Test
  void shouldScoreEveryPatternAndHorizonAndTheClassifier() {
    // then
    assertThat(report.forecasts()).isEqualTo(5 * 12 * 5);
    assertThat(report.scores()).hasSize(6 * 3);
    assertThat(report.score("all", Horizon.DAY).forecasts()).isEqualTo(report.forecasts());
    assertThat(report.naming()).extracting(NamingScore::truth).containsExactlyElementsOf(Backtest.PATTERNS);
    for (NamingScore naming : report.naming()) {
      assertThat(naming.classified()).isEqualTo(12 * 5);
      assertThat(naming.accuracyPct()).as(naming.truth().label()).isGreaterThanOrEqualTo(70);
    }
    assertThat(report.naming().get(Backtest.PATTERNS.indexOf(PatternKind.SEASONAL)).accuracyPct()).isEqualTo(100);
  }

  @Test
  void shouldGiveTheSameFiguresForTheSameSeedAndReportProgress() {
    // given
    BacktestSettings small = new BacktestSettings(2, 9, 2, 4, 0.80);
    List<Integer> progress = new ArrayList<>();

    // when
    BacktestReport first = Backtest.run(small, (done, total) -> progress.add(done));
    BacktestReport second = Backtest.run(small, (done, total) -> {});
    BacktestReport otherSeed = Backtest.run(new BacktestSettings(2, 10, 2, 4, 0.80), (done, total) -> {});

    // then
    assertThat(second).isEqualTo(first);
    assertThat(otherSeed.scores()).isNotEqualTo(first.scores());
    assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }
}
