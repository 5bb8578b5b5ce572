package dev.tollgate.analytics.forecast.backtest;

import dev.tollgate.analytics.forecast.Forecaster;
import dev.tollgate.analytics.forecast.Horizon;
import dev.tollgate.analytics.forecast.HourlySeries;
import dev.tollgate.analytics.forecast.PatternClassifier;
import dev.tollgate.analytics.forecast.PatternKind;
import dev.tollgate.analytics.forecast.CalendarPeriod;
import dev.tollgate.analytics.forecast.Projection;
import dev.tollgate.analytics.forecast.SpendOutlook;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Forecasts generated series with a known pattern and a known future, at many cuts, and scores the
 * forecasts of the end of the day, week and month (UTC) against what followed, and the classifier
 * against the pattern the series was made with. Everything follows from the seed.
 */
public final class Backtest {
  public static final List<PatternKind> PATTERNS = List.of(PatternKind.STEADY, PatternKind.GROWING,
      PatternKind.DECLINING, PatternKind.SPIKY, PatternKind.SEASONAL);
  /** Series start on a day of 2025, so cuts meet every month length and weekday. */
  static final Instant FIRST_START = Instant.parse("2025-01-01T00:00:00Z");
  static final int CUT_SPAN_HOURS = 28 * 24;
  /** The longest month, and a day to spare, after the last cut. */
  static final int FUTURE_HOURS = 32 * 24;
  private static final ZoneId UTC = ZoneOffset.UTC;

  /** Told after each series. */
  @FunctionalInterface
  public interface Progress {
    void seriesDone(int done, int total);
  }

  private Backtest() {}

  public static BacktestReport run(BacktestSettings settings, Progress progress) {
    Forecaster forecaster = new Forecaster(settings.confidence());
    Map<String, Map<Horizon, ScoreSheet>> sheets = new LinkedHashMap<>();
    Map<PatternKind, Map<PatternKind, Integer>> named = new EnumMap<>(PatternKind.class);
    int total = PATTERNS.size() * settings.seriesPerPattern();
    int done = 0;
    int forecasts = 0;
    for (PatternKind pattern : PATTERNS) {
      Map<PatternKind, Integer> names = named.computeIfAbsent(pattern, p -> new EnumMap<>(PatternKind.class));
      for (int i = 0; i < settings.seriesPerPattern(); i++) {
        SplittableRandom random = new SplittableRandom(seedOf(settings.seed(), pattern, i));
        int historyHours = settings.historyWeeks() * 168;
        Instant start = FIRST_START.plus(Duration.ofDays(random.nextInt(365)));
        HourlySeries series = SyntheticSpend.generate(pattern, start, historyHours + CUT_SPAN_HOURS + FUTURE_HOURS, random);
        for (int cutHour : cuts(settings.cutsPerSeries(), random)) {
          Instant cut = start.plus(Duration.ofHours(historyHours + cutHour));
          HourlySeries history = series.slice(cut.minus(Duration.ofHours(historyHours)), cut);
          SpendOutlook outlook = forecaster.outlook(history, cut, UTC);
          names.merge(PatternClassifier.classify(history, UTC).kind(), 1, Integer::sum);
          for (Horizon horizon : Horizon.values()) {
            score(series, outlook, horizon, sheet(sheets, pattern.label(), horizon), sheet(sheets, "all", horizon));
          }
          forecasts++;
        }
        progress.seriesDone(++done, total);
      }
    }
    return new BacktestReport(settings, total, forecasts, scores(sheets, settings.confidence()), naming(named));
  }

  private static void score(HourlySeries series, SpendOutlook outlook, Horizon horizon, ScoreSheet... sheets) {
    CalendarPeriod period = horizon.periodAt(outlook.now(), UTC);
    BigDecimal spent = series.sum(period.start(), outlook.now());
    BigDecimal restActual = series.sum(outlook.now(), period.end());
    Projection projection = outlook.project(horizon, spent);
    for (ScoreSheet sheet : sheets) {
      sheet.add(projection, restActual, spent.add(restActual));
    }
  }

  private static ScoreSheet sheet(Map<String, Map<Horizon, ScoreSheet>> sheets, String pattern, Horizon horizon) {
    return sheets.computeIfAbsent(pattern, p -> new EnumMap<>(Horizon.class)).computeIfAbsent(horizon, h -> new ScoreSheet());
  }

  /** Distinct whole hours within the cut span, in order. */
  private static List<Integer> cuts(int count, SplittableRandom random) {
    TreeSet<Integer> hours = new TreeSet<>();
    while (hours.size() < count) {
      hours.add(random.nextInt(CUT_SPAN_HOURS));
    }
    return new ArrayList<>(hours);
  }

  private static long seedOf(long seed, PatternKind pattern, int index) {
    return new SplittableRandom(seed).split().nextLong() ^ (pattern.ordinal() * 1_000_003L + index * 7_919L);
  }

  private static List<HorizonScore> scores(Map<String, Map<Horizon, ScoreSheet>> sheets, double confidence) {
    List<HorizonScore> out = new ArrayList<>();
    List<String> order = new ArrayList<>(PATTERNS.stream().map(PatternKind::label).toList());
    order.add("all");
    for (String pattern : order) {
      sheets.getOrDefault(pattern, Map.of()).forEach((horizon, sheet) -> out.add(sheet.score(pattern, horizon, confidence)));
    }
    return out;
  }

  private static List<NamingScore> naming(Map<PatternKind, Map<PatternKind, Integer>> named) {
    List<NamingScore> out = new ArrayList<>();
    named.forEach((truth, names) -> out.add(new NamingScore(truth, names.values().stream().mapToInt(Integer::intValue).sum(), names)));
    return out;
  }
}
