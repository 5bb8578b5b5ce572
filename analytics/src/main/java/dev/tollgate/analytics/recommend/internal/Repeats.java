package dev.tollgate.analytics.recommend.internal;

/**
 * The calls of one feature on one model that sent a prompt ({@code prompt_hash}) already sent before
 * in the window: every call of a prompt but the first.
 *
 * @param repeatedPrompts distinct prompts sent more than once
 * @param mix the tokens of the repeat calls
 */
public record Repeats(GroupKey key, long repeatedPrompts, TokenMix mix) {
  public long calls() {
    return mix.calls();
  }
}
