package dev.tollgate.ingest.sdk;

/**
 * The response formats the SDK reads usage from, and how each provider's usage maps onto the usage
 * event, whose cost is (input − cached) × input price + cached × cached-input price + output × output
 * price. Facts the formula has no field for go into the event's attributes.
 *
 * <p>The model recorded is the one the response names without its snapshot suffix ({@code gpt-4o-2024-08-06}
 * → {@code gpt-4o}, {@code claude-sonnet-4-5-20250929} → {@code claude-sonnet-4-5}, {@code gemini-2.0-flash-001}
 * → {@code gemini-2.0-flash}), as the price catalog names models; the snapshot is kept as the
 * {@code model_version} attribute. A snapshot priced differently from its model's current price needs its
 * own catalog entry and {@link ProviderResponse#withModel}.
 */
public enum Provider {
  /**
   * Chat Completions: {@code input_tokens} = {@code usage.prompt_tokens}, {@code cached_input_tokens} =
   * {@code usage.prompt_tokens_details.cached_tokens}, {@code output_tokens} =
   * {@code usage.completion_tokens}. Reasoning tokens ({@code completion_tokens_details.reasoning_tokens})
   * are billed as output and already inside {@code completion_tokens}; they are kept as the
   * {@code reasoning_tokens} attribute. Streamed: the chunk carrying {@code usage}, sent last when the
   * request set {@code stream_options.include_usage}.
   *
   * <p>Responses API: the same from {@code usage.input_tokens}, {@code input_tokens_details.cached_tokens},
   * {@code output_tokens} and {@code output_tokens_details.reasoning_tokens}. Streamed: the
   * {@code response} of the {@code response.completed} (or {@code response.incomplete}) event.
   */
  OPENAI("openai"),

  /**
   * Messages: Anthropic's {@code usage.input_tokens} excludes the cache, so {@code input_tokens} =
   * {@code input_tokens + cache_creation_input_tokens + cache_read_input_tokens} and
   * {@code cached_input_tokens} = {@code cache_read_input_tokens} (cache reads are what the catalog's
   * cached-input price is for); {@code output_tokens} = {@code usage.output_tokens}, thinking included.
   *
   * <p>Cache writes are billed by Anthropic at a premium (1.25 × input for the five-minute cache, 2 × for
   * the one-hour cache), which the cost formula cannot express: they are priced here at the plain
   * input price, so an event with cache writes is under-priced by 25% (or 100%) of those tokens' input
   * price. The exact counts are kept as the {@code cache_creation_input_tokens} and
   * {@code cache_creation_1h_input_tokens} attributes, from which the premium can be computed.
   * Streamed: {@code message_start}'s usage, updated field by field by each {@code message_delta}'s
   * cumulative usage.
   */
  ANTHROPIC("anthropic"),

  /**
   * Gemini: {@code input_tokens} = {@code usageMetadata.promptTokenCount} (which includes cached content)
   * + {@code toolUsePromptTokenCount}, {@code cached_input_tokens} = {@code cachedContentTokenCount},
   * {@code output_tokens} = {@code candidatesTokenCount + thoughtsTokenCount}: thinking is billed as
   * output and, unlike OpenAI's reasoning tokens, is not inside {@code candidatesTokenCount}; it is also
   * kept as the {@code reasoning_tokens} attribute. The model is {@code modelVersion}. Streamed: the last
   * chunk's {@code usageMetadata}.
   */
  GOOGLE("google");

  private final String id;

  Provider(String id) {
    this.id = id;
  }

  /** The {@code provider} of the usage event, as the price catalog names it. */
  public String id() {
    return id;
  }
}
