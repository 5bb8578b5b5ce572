package dev.tollgate.ingest.sdk;

import dev.tollgate.ingest.sdk.internal.SseChunks;
import dev.tollgate.ingest.sdk.internal.UsageReader;
import java.util.List;

/**
 * A provider's answer to one model call, as its JSON, kept unread until the usage is needed: the
 * recorder reads it on its own thread, so recording a response costs the caller no parsing.
 * The mapping of each provider's usage onto the event's fields is described in {@link UsageReader}.
 *
 * <p>When the response carries no usage (a stream without {@code stream_options.include_usage}, a
 * stream cut short, a client that drops it), the completion text found in it and the
 * {@link #withPrompt prompt} are counted with jtokkit and the usage is marked {@code estimated}.
 */
public final class ProviderResponse {
  private final Provider provider;
  private final List<String> chunks;
  private final String sse;
  private final String completionText;
  private final String model;
  private final Prompt prompt;

  private ProviderResponse(Provider provider, List<String> chunks, String sse, String completionText, String model,
      Prompt prompt) {
    this.provider = provider;
    this.chunks = chunks;
    this.sse = sse;
    this.completionText = completionText;
    this.model = model;
    this.prompt = prompt == null ? Prompt.NONE : prompt;
  }

  /**
   * A response body: one JSON object, or a JSON array of stream chunks (Gemini's
   * {@code streamGenerateContent} without {@code alt=sse}).
   */
  public static ProviderResponse of(Provider provider, String body) {
    return new ProviderResponse(provider, body == null ? List.of() : List.of(body), null, null, null, null);
  }

  /** The data of each event of a stream, one JSON object each, in order. */
  public static ProviderResponse ofChunks(Provider provider, List<String> chunks) {
    return new ProviderResponse(provider, chunks == null ? List.of() : List.copyOf(chunks), null, null, null, null);
  }

  /** A stream as its server-sent-events text ({@code event:} and {@code data:} lines). */
  public static ProviderResponse ofSse(Provider provider, String sseText) {
    return new ProviderResponse(provider, null, sseText == null ? "" : sseText, null, null, null);
  }

  /** Only the completion text is known (no JSON): the usage is always estimated. */
  public static ProviderResponse ofText(Provider provider, String model, String completionText) {
    return new ProviderResponse(provider, List.of(), null, completionText == null ? "" : completionText, model, null);
  }

  /** The model to record, instead of the one the response names. */
  public ProviderResponse withModel(String otherModel) {
    return new ProviderResponse(provider, chunks, sse, completionText, otherModel, prompt);
  }

  /** What was sent, counted only when the response reports no usage. */
  public ProviderResponse withPrompt(Prompt sent) {
    return new ProviderResponse(provider, chunks, sse, completionText, model, sent);
  }

  public ProviderResponse withPrompt(String promptText) {
    return withPrompt(Prompt.text(promptText));
  }

  public Provider provider() {
    return provider;
  }

  /**
   * Reads the usage now, on the calling thread.
   *
   * @throws InvalidResponseException when the response cannot be read, naming the field and the reason
   */
  public Usage usage() {
    if (provider == null) {
      throw new InvalidResponseException("provider", "is required");
    }
    List<String> data = sse != null ? SseChunks.split(sse) : chunks;
    return UsageReader.read(provider, data, completionText, model, prompt);
  }
}
