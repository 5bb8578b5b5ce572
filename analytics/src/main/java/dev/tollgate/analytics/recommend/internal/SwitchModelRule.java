package dev.tollgate.analytics.recommend.internal;

import dev.tollgate.analytics.recommend.Evidence;
import dev.tollgate.analytics.recommend.RecommendRules;
import dev.tollgate.analytics.recommend.RecommendationKind;
import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A feature that sends short, simple calls to a dear model: prompt calls only (no audio, embedding,
 * image …), averaging at most {@link RecommendRules#shortInputTokens()} input and
 * {@link RecommendRules#shortOutputTokens()} output tokens. Short prompts with short answers are
 * classification, extraction and routing, which the smaller models of the same family do well; long
 * answers are where their quality falls behind. The substitute is the first of the model's listed
 * substitutes (most capable first) that costs less at the feature's own token mix.
 */
public final class SwitchModelRule {
  private SwitchModelRule() {}

  /** @param substitutes the listed substitutes priced in the catalog, most capable first */
  public static Optional<Finding> evaluate(GroupUsage g, PriceEntry current, List<PriceEntry> substitutes, RecommendRules rules) {
    TokenMix mix = g.mix();
    if (!g.promptCallsOnly() || mix.calls() == 0
        || mix.input() > rules.shortInputTokens() * mix.calls() || mix.output() > rules.shortOutputTokens() * mix.calls()) {
      return Optional.empty();
    }
    BigDecimal costNow = mix.costAt(current);
    for (PriceEntry s : substitutes) {
      BigDecimal costThere = mix.costAt(s);
      if (costThere.compareTo(costNow) < 0) {
        return Optional.of(finding(g, s, costNow, costThere, rules));
      }
    }
    return Optional.empty();
  }

  private static Finding finding(GroupUsage g, PriceEntry substitute, BigDecimal costNow, BigDecimal costThere, RecommendRules rules) {
    TokenMix mix = g.mix();
    BigDecimal avgIn = Figures.average(mix.input(), mix.calls());
    BigDecimal avgOut = Figures.average(mix.output(), mix.calls());
    Evidence evidence = Evidence.builder()
        .text("rule", "prompt calls averaging <= " + rules.shortInputTokens() + " input and <= "
            + rules.shortOutputTokens() + " output tokens")
        .count("calls", mix.calls())
        .decimal("avg_input_tokens", avgIn)
        .decimal("avg_output_tokens", avgOut)
        .decimal("cached_input_pct", Figures.percent(mix.cached(), mix.input()))
        .decimal("batch_calls_pct", Figures.percent(mix.batchCalls(), mix.calls()))
        .usd("spend_usd", g.spendUsd())
        .usd("cost_at_current_prices_usd", costNow)
        .usd("cost_on_substitute_usd", costThere)
        .build();
    String action = "Send " + g.key().feature() + "'s calls from " + g.key().model() + " to " + substitute.getModel()
        + " (" + g.key().provider() + "): they are short (" + Figures.plain(avgIn) + " input, " + Figures.plain(avgOut)
        + " output tokens on average), which " + substitute.getModel() + " answers for less; compare answers on a sample first.";
    return new Finding(RecommendationKind.SWITCH_MODEL, g.key(), Optional.of(substitute.getModel()),
        costNow.subtract(costThere), costNow, evidence, action);
  }
}
