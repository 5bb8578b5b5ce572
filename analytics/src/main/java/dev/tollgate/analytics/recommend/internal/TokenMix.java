package dev.tollgate.analytics.recommend.internal;

import dev.tollgate.pricing.CostCalculator;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The tokens of a set of calls, interactive and batch apart because only batch calls get the batch
 * discount. Priced with {@link CostCalculator}: a cost is linear in the tokens, so pricing the sums as
 * one call equals the sum over the calls whenever each call's cost is exact at 12 decimals, which it
 * is for token prices with up to six decimals.
 */
public record TokenMix(long calls, long batchCalls, Tokens interactive, Tokens batch) {
  public static final TokenMix NONE = new TokenMix(0, 0, Tokens.NONE, Tokens.NONE);

  /** Input (cached included), cached input and output tokens. */
  public record Tokens(long input, long cached, long output) {
    public static final Tokens NONE = new Tokens(0, 0, 0);

    public Tokens plus(Tokens other) {
      return new Tokens(input + other.input, cached + other.cached, output + other.output);
    }

    long uncached() {
      return input - cached;
    }
  }

  public long input() {
    return interactive.input + batch.input;
  }

  public long cached() {
    return interactive.cached + batch.cached;
  }

  public long uncached() {
    return input() - cached();
  }

  public long output() {
    return interactive.output + batch.output;
  }

  public long interactiveCalls() {
    return calls - batchCalls;
  }

  /** What these calls cost under {@code price}, exact. */
  public BigDecimal costAt(PriceEntry price) {
    return CostCalculator.cost(asOneCall(interactive, false, price), price)
        .add(CostCalculator.cost(asOneCall(batch, true, price), price));
  }

  /** The same calls with every input token served from the provider's prompt cache. */
  public TokenMix allInputCached() {
    return new TokenMix(calls, batchCalls, new Tokens(interactive.input, interactive.input, interactive.output),
        new Tokens(batch.input, batch.input, batch.output));
  }

  /** The same calls without their uncached input tokens: what a prompt cut can remove from. */
  public TokenMix withoutUncachedInput() {
    return new TokenMix(calls, batchCalls, new Tokens(interactive.cached, interactive.cached, interactive.output),
        new Tokens(batch.cached, batch.cached, batch.output));
  }

  /** The same calls, all sent through the batch API. */
  public TokenMix allBatch() {
    return new TokenMix(calls, calls, Tokens.NONE, interactive.plus(batch));
  }

  private static UsageEvent asOneCall(Tokens tokens, boolean batch, PriceEntry price) {
    return UsageEvent.newBuilder()
        .setEventId("token-mix")
        .setOccurredAt(Instant.EPOCH)
        .setTenantId("")
        .setUserId("")
        .setFeature("")
        .setProvider(price.getProvider())
        .setModel(price.getModel())
        .setInputTokens(tokens.input)
        .setCachedInputTokens(tokens.cached)
        .setOutputTokens(tokens.output)
        .setBatch(batch)
        .build();
  }
}
