package dev.tollgate.ingest.sdk.internal;

import dev.tollgate.ingest.sdk.Provider;
import java.util.regex.Pattern;

/**
 * The catalog's name of a model a response reports. Providers answer with the dated snapshot that
 * served the call ({@code gpt-4o-2024-08-06}, {@code claude-sonnet-4-5-20250929},
 * {@code gemini-2.0-flash-001}) while the price catalog, the budgets and the callers name the model
 * ({@code gpt-4o}); recording the snapshot would price every event by the fallback. The snapshot is
 * kept as the {@code model_version} attribute.
 */
public final class ModelNames {
  private static final Pattern OPENAI_SNAPSHOT = Pattern.compile("-(\\d{4}-\\d{2}-\\d{2}|\\d{4})$");
  private static final Pattern ANTHROPIC_SNAPSHOT = Pattern.compile("-\\d{8}$");
  private static final Pattern GEMINI_VERSION = Pattern.compile("-\\d{3}$");

  private ModelNames() {}

  public static String catalogName(Provider provider, String reported) {
    if (reported == null) {
      return null;
    }
    Pattern suffix = switch (provider) {
      case OPENAI -> OPENAI_SNAPSHOT;
      case ANTHROPIC -> ANTHROPIC_SNAPSHOT;
      case GOOGLE -> GEMINI_VERSION;
    };
    return suffix.matcher(reported).replaceFirst("");
  }
}
