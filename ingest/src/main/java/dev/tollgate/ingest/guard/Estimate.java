package dev.tollgate.ingest.guard;

import dev.tollgate.schemas.avro.PriceEntry;
import java.math.BigDecimal;

/**
 * What a call will cost at most, before it is made.
 *
 * @param inputTokens counted from the prompt, or as given
 * @param tokenizer the jtokkit encoding that counted them ({@code o200k_base}, {@code cl100k_base}),
 *     or {@code given} when the caller passed a count
 * @param approximate true when the model's own tokenizer is not available here (models other than
 *     OpenAI's), so the count may differ from what the provider bills
 * @param note says how the input was counted, in words
 * @param costUsd the cost if the call produced all {@code maxOutputTokens}, exact at scale 12
 * @param price the catalog entry that priced it: the newest with {@code effective_from ≤ now}
 */
public record Estimate(
    String provider,
    String model,
    long inputTokens,
    long maxOutputTokens,
    String tokenizer,
    boolean approximate,
    String note,
    BigDecimal costUsd,
    PriceEntry price) {}
