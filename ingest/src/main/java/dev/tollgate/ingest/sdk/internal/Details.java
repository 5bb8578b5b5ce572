package dev.tollgate.ingest.sdk.internal;

/** Keys of the facts a usage carries beyond the cost formula's fields, recorded as event attributes. */
public final class Details {
  /** Reasoning or thinking tokens; already counted in {@code output_tokens}. */
  public static final String REASONING_TOKENS = "reasoning_tokens";
  /** Anthropic cache writes; counted in {@code input_tokens} at the plain input price. */
  public static final String CACHE_CREATION_INPUT_TOKENS = "cache_creation_input_tokens";
  /** The part of the cache writes kept for one hour, which Anthropic bills higher than five-minute writes. */
  public static final String CACHE_CREATION_1H_INPUT_TOKENS = "cache_creation_1h_input_tokens";
  /** Gemini's tokens of tool-use prompts; counted in {@code input_tokens}. */
  public static final String TOOL_USE_PROMPT_TOKENS = "tool_use_prompt_tokens";
  /** The dated snapshot or version the response named, when it differs from the recorded model. */
  public static final String MODEL_VERSION = "model_version";
  /** On estimated usage: the jtokkit encoding that counted it. */
  public static final String ESTIMATED_WITH = "estimated_with";

  private Details() {}
}
