package dev.tollgate.analytics.recommend.internal;

import dev.tollgate.analytics.recommend.Evidence;
import dev.tollgate.analytics.recommend.RecommendationKind;
import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Calls that send a prompt already sent: every call of a {@code prompt_hash} after its first. Two
 * savings: provider prompt caching (the repeats' uncached input at the cached-input price) and a
 * response cache (the repeats not sent at all). Prompt caching comes first when the model has a
 * cheaper cached-input price: it changes no answer, so it is safe whatever the prompt depends on,
 * while a response cache serves an old answer, which is right only when the answer depends on the
 * prompt alone. The other saving is in the evidence. Both count every repeat in the window; a
 * provider keeps a prompt cached for minutes to an hour, so for prompts repeated further apart the
 * prompt-caching saving is an upper bound, which the action says.
 */
public final class CacheRule {
  private CacheRule() {}

  public static Optional<Finding> evaluate(GroupUsage g, Optional<Repeats> repeats, PriceEntry price) {
    if (g.audioCalls() > 0 || repeats.isEmpty() || repeats.get().calls() == 0) {
      return Optional.empty();
    }
    Repeats r = repeats.get();
    BigDecimal repeatCost = r.mix().costAt(price);
    BigDecimal promptCacheSaving = repeatCost.subtract(r.mix().allInputCached().costAt(price));
    boolean promptCache = promptCacheSaving.signum() > 0;
    BigDecimal saving = promptCache ? promptCacheSaving : repeatCost;
    if (saving.signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal costNow = g.mix().costAt(price);
    Evidence evidence = Evidence.builder()
        .text("rule", "calls repeating a prompt_hash already sent in the window")
        .count("calls", g.calls())
        .count("repeated_prompts", r.repeatedPrompts())
        .count("repeat_calls", r.calls())
        .decimal("repeat_calls_pct", Figures.percent(r.calls(), g.calls()))
        .count("repeat_input_tokens", r.mix().input())
        .count("repeat_cached_input_tokens", r.mix().cached())
        .count("repeat_output_tokens", r.mix().output())
        .usd("spend_usd", g.spendUsd())
        .usd("cost_at_current_prices_usd", costNow)
        .usd("repeat_cost_usd", repeatCost)
        .usd("prompt_cache_saving_usd", promptCacheSaving)
        .usd("response_cache_saving_usd", repeatCost)
        .text("saving_from", promptCache ? "prompt_cache" : "response_cache")
        .build();
    return Optional.of(new Finding(RecommendationKind.CACHE, g.key(), Optional.empty(), saving, costNow, evidence,
        promptCache ? promptCacheAction(g.key(), r) : responseCacheAction(g.key(), r)));
  }

  private static String promptCacheAction(GroupKey key, Repeats r) {
    String how = "anthropic".equals(key.provider())
        ? "mark the repeated part of the prompt with cache_control"
        : "keep the repeated part of the prompt as its unchanged beginning, which " + key.provider() + " caches";
    return "Use " + key.provider() + " prompt caching for " + key.feature() + " on " + key.model() + ": " + r.calls()
        + " calls resent one of " + r.repeatedPrompts() + " prompts; " + how + " so their input is billed at the cached-input price"
        + " (repeats further apart than the provider keeps its cache, minutes to an hour, need a response cache).";
  }

  private static String responseCacheAction(GroupKey key, Repeats r) {
    return "Serve " + key.feature() + "'s repeated prompts from a response cache keyed on prompt_hash: " + r.calls()
        + " calls on " + key.model() + " resent one of " + r.repeatedPrompts() + " prompts, and " + key.model()
        + " has no cheaper cached-input price.";
  }
}
