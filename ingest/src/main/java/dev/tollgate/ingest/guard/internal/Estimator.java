package dev.tollgate.ingest.guard.internal;

import dev.tollgate.ingest.guard.Estimate;
import dev.tollgate.ingest.guard.UnknownModelException;
import dev.tollgate.schemas.avro.PriceEntry;
import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Pre-flight estimates: tokens counted here or given, priced at the catalog entry in effect now. */
public final class Estimator {
  private final GuardFeed feed;
  private final Clock clock;
  private final BooleanSupplier caughtUp;
  private final TokenCounter counter = new TokenCounter();

  public Estimator(GuardFeed feed, Clock clock, BooleanSupplier caughtUp) {
    this.feed = feed;
    this.clock = clock;
    this.caughtUp = caughtUp;
  }

  public Estimate ofPrompt(String provider, String model, String prompt, int maxOutputTokens) {
    requireCall(provider, model, maxOutputTokens);
    if (prompt == null) {
      throw new IllegalArgumentException("prompt must not be null");
    }
    TokenCounter.Count count = counter.count(provider, model, prompt);
    String encoding = count.encoding().getName();
    String note = count.approximate()
        ? "input counted with " + encoding + "; " + provider + " models use their own tokenizer, so the count is approximate"
        : "input counted with " + encoding + ", the tokenizer of " + model;
    return priced(provider, model, count.tokens(), maxOutputTokens, encoding, count.approximate(), note);
  }

  public Estimate ofTokens(String provider, String model, int inputTokens, int maxOutputTokens) {
    requireCall(provider, model, maxOutputTokens);
    if (inputTokens < 0) {
      throw new IllegalArgumentException("inputTokens must be ≥ 0, got " + inputTokens);
    }
    return priced(provider, model, inputTokens, maxOutputTokens, "given", false, "input tokens as given");
  }

  private Estimate priced(String provider, String model, long input, int maxOutput, String tokenizer, boolean approximate,
      String note) {
    PriceIndex prices = feed.priceIndex();
    long now = clock.millis();
    PriceEntry price = prices.at(provider, model, now);
    if (price == null) {
      throw new UnknownModelException("model", whyUnpriced(prices, provider, model));
    }
    return new Estimate(provider, model, input, maxOutput, tokenizer, approximate, note,
        PriceIndex.cost(price, input, maxOutput), price);
  }

  private String whyUnpriced(PriceIndex prices, String provider, String model) {
    List<PriceEntry> entries = prices.entries(provider, model);
    if (!entries.isEmpty()) {
      return "the first price of " + provider + "/" + model + " takes effect at " + entries.get(0).getEffectiveFrom()
          + "; no price of it applies now";
    }
    List<String> known = prices.models(provider);
    String catalog = known.isEmpty()
        ? "the catalog has no models of provider " + provider
        : "the catalog prices these " + provider + " models: " + String.join(", ", known);
    String loading = caughtUp.getAsBoolean() ? "" : " (the guard has not finished reading the catalog yet)";
    return "no price for " + provider + "/" + model + " in the price catalog; " + catalog + loading
        + "; load one with ./tollgate prices load";
  }

  private static void requireCall(String provider, String model, int maxOutputTokens) {
    if (provider == null || provider.isBlank()) {
      throw new IllegalArgumentException("provider is required");
    }
    if (model == null || model.isBlank()) {
      throw new UnknownModelException("model", "is required");
    }
    if (maxOutputTokens < 0) {
      throw new IllegalArgumentException("maxOutputTokens must be ≥ 0, got " + maxOutputTokens);
    }
  }
}
