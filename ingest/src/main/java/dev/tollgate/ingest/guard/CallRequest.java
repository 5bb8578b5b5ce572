package dev.tollgate.ingest.guard;

/**
 * A model call an AI service is about to make, as the guard judges it. {@code teamId}, {@code userId}
 * and {@code feature} may be null when the service does not know them; a budget narrowed to one of
 * them then does not apply to the call.
 *
 * @param estimatedInputTokens the prompt's tokens, for example from {@link BudgetGuard#estimate}
 * @param maxOutputTokens the most the call may produce (the provider's {@code max_tokens})
 */
public record CallRequest(
    String tenantId,
    String teamId,
    String userId,
    String feature,
    String provider,
    String model,
    long estimatedInputTokens,
    long maxOutputTokens) {

  public CallRequest {
    requireText("tenant_id", tenantId);
    requireText("provider", provider);
    requireText("model", model);
    if (estimatedInputTokens < 0) {
      throw new IllegalArgumentException("estimated_input_tokens must be ≥ 0, got " + estimatedInputTokens);
    }
    if (maxOutputTokens < 0) {
      throw new IllegalArgumentException("max_output_tokens must be ≥ 0, got " + maxOutputTokens);
    }
  }

  /** What the call may use at most, input and output together. */
  public long maxTotalTokens() {
    return estimatedInputTokens + maxOutputTokens;
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}
