package dev.tollgate.analytics.recommend.internal;

import java.math.BigDecimal;

/** Feature/model usage for the rules, written the way the tests think of it. */
final class Usage {
  static final GroupKey KEY = new GroupKey("acme", "triage", "openai", "gpt-4o");

  private Usage() {}

  /** {@code calls} interactive calls, one per request, with these token totals. */
  static GroupUsage interactive(GroupKey key, long calls, long input, long cached, long output) {
    return new GroupUsage(key, calls, 0, 0, new TokenMix(calls, 0, new TokenMix.Tokens(input, cached, output), TokenMix.Tokens.NONE),
        new BigDecimal("1.5"));
  }

  static GroupUsage withRequests(GroupUsage g, long requests) {
    return new GroupUsage(g.key(), requests, g.audioCalls(), g.otherOperationCalls(), g.mix(), g.spendUsd());
  }

  static GroupUsage withOtherOperations(GroupUsage g, long calls) {
    return new GroupUsage(g.key(), g.requests(), g.audioCalls(), calls, g.mix(), g.spendUsd());
  }

  static GroupUsage withAudio(GroupUsage g, long calls) {
    return new GroupUsage(g.key(), g.requests(), calls, g.otherOperationCalls(), g.mix(), g.spendUsd());
  }
}
