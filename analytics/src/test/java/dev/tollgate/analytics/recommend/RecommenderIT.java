package dev.tollgate.analytics.recommend;

import static dev.tollgate.analytics.recommend.TestPrices.GEMINI_PRO;
import static dev.tollgate.analytics.recommend.TestPrices.GPT_41;
import static dev.tollgate.analytics.recommend.TestPrices.GPT_4O;
import static dev.tollgate.analytics.recommend.TestPrices.GPT_4O_MINI;
import static dev.tollgate.analytics.recommend.TestPrices.SONNET_4;
import static dev.tollgate.analytics.recommend.WasteWorkload.BATCH_FEATURE;
import static dev.tollgate.analytics.recommend.WasteWorkload.CACHE_FEATURE;
import static dev.tollgate.analytics.recommend.WasteWorkload.SWITCH_FEATURE;
import static dev.tollgate.analytics.recommend.WasteWorkload.TRIM_FEATURE;
import static dev.tollgate.analytics.recommend.WasteWorkload.WASTEFUL;
import static dev.tollgate.analytics.recommend.WasteWorkload.WINDOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.analytics.report.ReportData;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recommendations read from the real ClickHouse on a generated month with one feature per kind of
 * waste, checked against savings computed from the events one by one.
 */
class RecommenderIT {
  private static final String DATABASE = "tollgate_it_recommend_" + UUID.randomUUID().toString().replace("-", "");
  private static final RecommendRules NO_FLOOR = RecommendRules.DEFAULTS.withMinSavingUsd(BigDecimal.ZERO)
      .withMinSavingPct(BigDecimal.ZERO);
  private static ClickHouseHttp clickHouse;
  private static List<PricedUsageEvent> events;
  private static Recommender recommender;

  @BeforeAll
  static void loadWorkload() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    Schema.apply(clickHouse, DATABASE);
    events = WasteWorkload.events(17);
    ReportData.insert(clickHouse, DATABASE, events);
    recommender = new Recommender(clickHouse, DATABASE, TestPrices.CATALOG, TestPrices.SUBSTITUTES);
  }

  @AfterAll
  static void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  private static Recommendations recommend(Optional<String> tenant, RecommendRules rules) {
    return recommender.recommend(WINDOW, tenant, rules, message -> {});
  }

  private static Recommendation only(Recommendations found, RecommendationKind kind) {
    List<Recommendation> of = found.shown().stream().filter(r -> r.kind() == kind).toList();
    assertThat(of).as(kind.code()).hasSize(1);
    return of.get(0);
  }

  @Test
  void shouldFindEachKindOfWasteWithTheSavingOfItsCalls() {
    // given
    ExpectedSavings triage = new ExpectedSavings(events, WINDOW, WASTEFUL, SWITCH_FEATURE, "gpt-4o");
    ExpectedSavings faq = new ExpectedSavings(events, WINDOW, WASTEFUL, CACHE_FEATURE, "claude-sonnet-4");
    ExpectedSavings enrichment = new ExpectedSavings(events, WINDOW, WASTEFUL, BATCH_FEATURE, "gpt-4.1");
    ExpectedSavings review = new ExpectedSavings(events, WINDOW, WASTEFUL, TRIM_FEATURE, "gemini-2.5-pro");

    // when
    Recommendations found = recommend(Optional.of(WASTEFUL), RecommendRules.DEFAULTS);

    // then
    assertThat(found.shown()).hasSize(4).isSortedAccordingTo(Comparator.comparing(Recommendation::monthlySavingUsd).reversed());
    Recommendation switchModel = only(found, RecommendationKind.SWITCH_MODEL);
    assertThat(switchModel.feature()).isEqualTo(SWITCH_FEATURE);
    assertThat(switchModel.toModel()).contains("gpt-4o-mini");
    assertThat(switchModel.monthlySavingUsd()).isEqualByComparingTo(triage.switchTo(GPT_4O, GPT_4O_MINI));
    assertThat(switchModel.affectedMonthlySpendUsd()).isEqualByComparingTo(triage.cost(GPT_4O));
    assertThat(switchModel.savingPct()).isEqualByComparingTo(ExpectedSavings.percent(triage.switchTo(GPT_4O, GPT_4O_MINI), triage.cost(GPT_4O)));
    assertThat(switchModel.evidence().value("calls")).isEqualTo(Long.toString(triage.calls()));
    assertThat(new BigDecimal(switchModel.evidence().value("spend_usd"))).isEqualByComparingTo(triage.cost(GPT_4O));

    Recommendation cache = only(found, RecommendationKind.CACHE);
    assertThat(cache.feature()).isEqualTo(CACHE_FEATURE);
    assertThat(cache.monthlySavingUsd()).isEqualByComparingTo(faq.promptCache(SONNET_4));
    assertThat(new BigDecimal(cache.evidence().value("response_cache_saving_usd"))).isEqualByComparingTo(faq.responseCache(SONNET_4));
    assertThat(cache.evidence().value("repeat_calls")).isEqualTo(Long.toString(faq.repeatCalls()));
    assertThat(cache.evidence().value("repeated_prompts")).isEqualTo("40");

    Recommendation batch = only(found, RecommendationKind.BATCH);
    assertThat(batch.feature()).isEqualTo(BATCH_FEATURE);
    assertThat(batch.monthlySavingUsd()).isEqualByComparingTo(enrichment.batch(GPT_41));
    assertThat(batch.evidence().value("requests")).isEqualTo("400");
    assertThat(batch.evidence().value("calls_per_request")).isEqualTo("25");

    Recommendation trim = only(found, RecommendationKind.TRIM_PROMPTS);
    assertThat(trim.feature()).isEqualTo(TRIM_FEATURE);
    assertThat(trim.monthlySavingUsd()).isEqualByComparingTo(review.trim(GEMINI_PRO, new BigDecimal("25")));
    assertThat(trim.savingPct()).isEqualByComparingTo(
        ExpectedSavings.percent(review.trim(GEMINI_PRO, new BigDecimal("25")), review.cost(GEMINI_PRO)));
  }

  @Test
  void shouldFindNothingToSaveInTheLeanWorkloadEvenWithoutFloors() {
    // when
    Recommendations found = recommend(Optional.of(WasteWorkload.LEAN), NO_FLOOR);

    // then
    assertThat(found.shown()).isEmpty();
    assertThat(found.hidden()).isZero();
    assertThat(found.notes()).isEmpty();
  }

  @Test
  void shouldHideWhatSavesLessThanTheFloors() {
    // given
    ExpectedSavings tags = new ExpectedSavings(events, WINDOW, WASTEFUL, WasteWorkload.SMALL_SWITCH_FEATURE, "gpt-4o");

    // when
    Recommendations defaults = recommend(Optional.of(WASTEFUL), RecommendRules.DEFAULTS);
    Recommendations everything = recommend(Optional.of(WASTEFUL), NO_FLOOR);
    Recommendations above40 = recommend(Optional.of(WASTEFUL), RecommendRules.DEFAULTS.withMinSavingUsd(new BigDecimal("40")));
    Recommendations above90pct = recommend(Optional.of(WASTEFUL), RecommendRules.DEFAULTS.withMinSavingPct(new BigDecimal("90")));

    // then
    assertThat(defaults.hidden()).isEqualTo(2);
    assertThat(everything.shown()).hasSize(6).extracting(Recommendation::feature)
        .contains(WasteWorkload.SMALL_SWITCH_FEATURE, WasteWorkload.SMALL_CACHE_FEATURE);
    assertThat(everything.shown()).filteredOn(r -> r.feature().equals(WasteWorkload.SMALL_SWITCH_FEATURE))
        .singleElement().satisfies(r -> assertThat(r.monthlySavingUsd()).isEqualByComparingTo(tags.switchTo(GPT_4O, GPT_4O_MINI))
            .isLessThan(BigDecimal.TEN));
    assertThat(above40.shown()).isNotEmpty().allSatisfy(r -> assertThat(r.monthlySavingUsd()).isGreaterThanOrEqualTo(new BigDecimal("40")));
    assertThat(above40.shown().size() + above40.hidden()).isEqualTo(6);
    assertThat(above90pct.shown()).isNotEmpty().allSatisfy(r -> assertThat(r.savingPct()).isGreaterThanOrEqualTo(new BigDecimal("90")));
  }

  @Test
  void shouldScaleTheSavingOfAShorterWindowToAMonth() {
    // given
    RecommendWindow fifteenDays = RecommendWindow.lastDays(WasteWorkload.AT, 15);
    ExpectedSavings triage = new ExpectedSavings(events, fifteenDays, WASTEFUL, SWITCH_FEATURE, "gpt-4o");

    // when
    Recommendations found = recommender.recommend(fifteenDays, Optional.of(WASTEFUL), RecommendRules.DEFAULTS, message -> {});

    // then
    assertThat(only(found, RecommendationKind.SWITCH_MODEL).monthlySavingUsd())
        .isEqualByComparingTo(triage.switchTo(GPT_4O, GPT_4O_MINI).multiply(BigDecimal.valueOf(2)));
  }

  @Test
  void shouldCoverEveryTenantAndTellWhichModelsTheCatalogDoesNotPrice() {
    // when
    Recommendations found = recommend(Optional.empty(), RecommendRules.DEFAULTS);

    // then
    assertThat(found.shown()).hasSize(4).allSatisfy(r -> assertThat(r.tenant()).isEqualTo(WASTEFUL));
    assertThat(found.notes()).singleElement().asString().contains(WasteWorkload.UNPRICED_MODEL).contains("10 calls");
  }
}
