package dev.tollgate.ingest.guard.internal;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Counts prompt tokens with jtokkit. OpenAI's newer models (gpt-4o, gpt-4.1, gpt-5, the o-series)
 * use {@code o200k_base}, the others {@code cl100k_base}. Other providers' tokenizers are not
 * public or not in Java, so their counts come from {@code cl100k_base} and are approximate.
 * Special-token text such as {@code <|endoftext|>} in a prompt is counted as ordinary text, as a
 * provider's API treats user input.
 */
public final class TokenCounter {
  private static final Pattern O200K = Pattern.compile("^(chatgpt-4o|gpt-4o|gpt-4\\.1|gpt-4\\.5|gpt-5|o\\d).*");

  /** A count and how it was made. */
  public record Count(long tokens, EncodingType encoding, boolean approximate) {}

  /** One per JVM: each encoding loads a few MB of ranks on first use. */
  private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

  public Count count(String provider, String model, String text) {
    EncodingType encoding = encodingFor(model);
    long tokens = REGISTRY.getEncoding(encoding).countTokensOrdinary(text);
    return new Count(tokens, encoding, !exact(provider));
  }

  static EncodingType encodingFor(String model) {
    return O200K.matcher(model.toLowerCase(Locale.ROOT)).matches() ? EncodingType.O200K_BASE : EncodingType.CL100K_BASE;
  }

  /** OpenAI's models, also when served by Azure, use the encodings jtokkit ships. */
  static boolean exact(String provider) {
    String p = provider.toLowerCase(Locale.ROOT);
    return p.equals("openai") || p.startsWith("azure");
  }
}
