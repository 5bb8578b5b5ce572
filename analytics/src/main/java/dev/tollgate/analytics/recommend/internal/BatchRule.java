package dev.tollgate.analytics.recommend.internal;

import dev.tollgate.analytics.recommend.Evidence;
import dev.tollgate.analytics.recommend.RecommendRules;
import dev.tollgate.analytics.recommend.RecommendationKind;
import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Interactive calls of a feature whose calls come in jobs: on average at least
 * {@link RecommendRules#jobCallsPerRequest()} calls per {@code request_id}. A person waiting on an
 * answer causes one or a few calls per request; tens of calls under one request are a job working
 * through a list, which the provider's batch API takes at its discount. The number of calls per
 * request is in every event, where a daily rhythm is not: a product used around the world looks as
 * flat as a queue, and a night job as rhythmic as office hours.
 */
public final class BatchRule {
  private BatchRule() {}

  public static Optional<Finding> evaluate(GroupUsage g, PriceEntry price, RecommendRules rules) {
    TokenMix mix = g.mix();
    BigDecimal discount = price.getBatchDiscountPct();
    if (discount == null || discount.signum() <= 0 || g.audioCalls() > 0 || mix.interactiveCalls() == 0
        || mix.calls() < rules.jobCallsPerRequest() * g.requests()) {
      return Optional.empty();
    }
    BigDecimal costNow = mix.costAt(price);
    BigDecimal saving = costNow.subtract(mix.allBatch().costAt(price));
    if (saving.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal perRequest = Figures.average(mix.calls(), g.requests());
    Evidence evidence = Evidence.builder()
        .text("rule", "on average >= " + rules.jobCallsPerRequest() + " calls per request_id")
        .count("calls", mix.calls())
        .count("requests", g.requests())
        .decimal("calls_per_request", perRequest)
        .count("interactive_calls", mix.interactiveCalls())
        .decimal("batch_calls_pct", Figures.percent(mix.batchCalls(), mix.calls()))
        .decimal("batch_discount_pct", discount)
        .usd("spend_usd", g.spendUsd())
        .usd("cost_at_current_prices_usd", costNow)
        .usd("interactive_cost_usd", new TokenMix(mix.interactiveCalls(), 0, mix.interactive(), TokenMix.Tokens.NONE).costAt(price))
        .build();
    String action = "Send " + g.key().feature() + "'s jobs on " + g.key().model() + " through the " + g.key().provider()
        + " batch API: its calls come " + Figures.plain(perRequest) + " to a request, so no one waits on each answer, and batch calls cost "
        + Figures.plain(discount) + "% less.";
    return Optional.of(new Finding(RecommendationKind.BATCH, g.key(), Optional.empty(), saving, costNow, evidence, action));
  }
}
