package dev.tollgate.ingest.sdk.internal;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import dev.tollgate.ingest.sdk.Prompt;
import dev.tollgate.ingest.sdk.Provider;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Counts tokens with jtokkit when a provider reports none. OpenAI's newer models (gpt-4o, gpt-4.1,
 * gpt-4.5, gpt-5, the o-series) use {@code o200k_base}, everything else {@code cl100k_base}; for
 * Anthropic and Gemini models, whose tokenizers are not available in Java, that is an approximation,
 * which the {@code estimated} flag and the {@code estimated_with} attribute make visible.
 * Special-token text such as {@code <|endoftext|>} is counted as ordinary text, as the APIs treat input.
 */
public final class TokenCounter {
  private static final Pattern O200K = Pattern.compile("^(chatgpt-4o|gpt-4o|gpt-4\\.1|gpt-4\\.5|gpt-5|o\\d).*");
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
  /** OpenAI's chat format: each message is wrapped in 3 tokens, a name costs 1 more, the reply is primed with 3. */
  private static final int TOKENS_PER_MESSAGE = 3;
  private static final int TOKENS_PER_NAME = 1;
  private static final int REPLY_PRIMING_TOKENS = 3;

  private TokenCounter() {}

  public static EncodingType encodingFor(String model) {
    String m = model == null ? "" : model.toLowerCase(Locale.ROOT);
    return O200K.matcher(m).matches() ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE;
  }

  public static long count(String model, String text) {
    return text == null || text.isEmpty() ? 0 : encoding(model).countTokensOrdinary(text);
  }

  /** The prompt's tokens: its text, or its messages, in OpenAI's chat format for OpenAI. */
  public static long count(Provider provider, String model, Prompt prompt) {
    long tokens = count(model, prompt.text());
    if (prompt.messages().isEmpty()) {
      return tokens;
    }
    boolean chatFormat = provider == Provider.OPENAI;
    for (Prompt.Message m : prompt.messages()) {
      tokens += count(model, m.content());
      if (chatFormat) {
        tokens += TOKENS_PER_MESSAGE + count(model, m.role());
        tokens += m.name() == null ? 0 : TOKENS_PER_NAME + count(model, m.name());
      }
    }
    return chatFormat ? tokens + REPLY_PRIMING_TOKENS : tokens;
  }

  private static Encoding encoding(String model) {
    return REGISTRY.getEncoding(encodingFor(model));
  }
}
