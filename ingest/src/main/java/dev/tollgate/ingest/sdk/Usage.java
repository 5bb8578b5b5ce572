package dev.tollgate.ingest.sdk;

import dev.tollgate.ingest.sdk.internal.Maps;
import java.util.Map;

/**
 * The tokens of one model call, as the usage event carries them.
 *
 * @param inputTokens every input token, cached ones included
 * @param cachedInputTokens the part of {@code inputTokens} read from the provider's prompt cache,
 *     priced at the catalog's cached-input price
 * @param outputTokens every output token, reasoning ones included
 * @param estimated true when counted locally with jtokkit because the provider reported no usage
 * @param responseId the provider's id of the response, recorded as the event's {@code request_id}
 * @param details facts the cost formula has no field for (such as {@code reasoning_tokens} or
 *     {@code cache_creation_input_tokens}); recorded among the event's attributes
 */
public record Usage(
    String provider,
    String model,
    long inputTokens,
    long cachedInputTokens,
    long outputTokens,
    boolean estimated,
    String responseId,
    Map<String, String> details) {

  public Usage {
    details = Maps.withoutNulls(details);
  }

  /** Tokens as a provider reported them. */
  public static Usage reported(String provider, String model, long inputTokens, long cachedInputTokens, long outputTokens) {
    return new Usage(provider, model, inputTokens, cachedInputTokens, outputTokens, false, null, Map.of());
  }

  public Usage withModel(String otherModel) {
    return new Usage(provider, otherModel, inputTokens, cachedInputTokens, outputTokens, estimated, responseId, details);
  }

  public Usage withResponseId(String otherResponseId) {
    return new Usage(provider, model, inputTokens, cachedInputTokens, outputTokens, estimated, otherResponseId, details);
  }

  public Usage withDetail(String key, String value) {
    return new Usage(provider, model, inputTokens, cachedInputTokens, outputTokens, estimated, responseId,
        Maps.with(details, key, value));
  }
}
