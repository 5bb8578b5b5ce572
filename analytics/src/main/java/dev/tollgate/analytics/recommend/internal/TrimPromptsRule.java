package dev.tollgate.analytics.recommend.internal;

import dev.tollgate.analytics.recommend.Evidence;
import dev.tollgate.analytics.recommend.RecommendRules;
import dev.tollgate.analytics.recommend.RecommendationKind;
import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Prompt calls whose input tokens are at least {@link RecommendRules#trimRatio()} times their output
 * tokens: prompts that carry far more context than the answer uses. The saving is that of cutting
 * {@link RecommendRules#trimPct()} of the uncached input; cached input is cheap already, and the
 * answer stays as long as it is.
 */
public final class TrimPromptsRule {
  private TrimPromptsRule() {}

  public static Optional<Finding> evaluate(GroupUsage g, PriceEntry price, RecommendRules rules) {
    TokenMix mix = g.mix();
    if (!g.promptCallsOnly() || mix.output() == 0 || mix.uncached() == 0 || mix.input() < rules.trimRatio() * mix.output()) {
      return Optional.empty();
    }
    BigDecimal costNow = mix.costAt(price);
    BigDecimal uncachedInputCost = costNow.subtract(mix.withoutUncachedInput().costAt(price));
    BigDecimal saving = Figures.share(uncachedInputCost, rules.trimPct());
    if (saving.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal avgIn = Figures.average(mix.input(), mix.calls());
    BigDecimal avgOut = Figures.average(mix.output(), mix.calls());
    Evidence evidence = Evidence.builder()
        .text("rule", "input tokens >= " + rules.trimRatio() + " x output tokens")
        .count("calls", mix.calls())
        .decimal("avg_input_tokens", avgIn)
        .decimal("avg_output_tokens", avgOut)
        .decimal("input_output_ratio", Figures.average(mix.input(), mix.output()))
        .count("uncached_input_tokens", mix.uncached())
        .usd("spend_usd", g.spendUsd())
        .usd("cost_at_current_prices_usd", costNow)
        .usd("uncached_input_cost_usd", uncachedInputCost)
        .decimal("trim_pct", rules.trimPct())
        .build();
    String action = "Cut " + Figures.plain(rules.trimPct()) + "% of " + g.key().feature()
        + "'s prompts on " + g.key().model() + ": they average " + Figures.plain(avgIn) + " input tokens for "
        + Figures.plain(avgOut) + " output tokens; drop context the answers do not use, such as retrieved passages beyond the best few"
        + " or instructions repeated in every call.";
    return Optional.of(new Finding(RecommendationKind.TRIM_PROMPTS, g.key(), Optional.empty(), saving, costNow, evidence, action));
  }
}
