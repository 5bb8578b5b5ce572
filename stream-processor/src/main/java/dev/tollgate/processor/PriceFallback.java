package dev.tollgate.processor;

/**
 * How an event of a model the catalog does not know is priced (DESIGN.md, "Unknown model"): by the
 * dearest model of its provider, or by one fixed model.
 */
public sealed interface PriceFallback {

  /** The dearest model of the event's provider; the dearest entry overall when the provider has none. */
  record Dearest() implements PriceFallback {
    @Override
    public String toString() {
      return DEAREST;
    }
  }

  /** Always the entry of this one model. */
  record FixedModel(String provider, String model) implements PriceFallback {
    public FixedModel {
      if (provider == null || provider.isBlank() || model == null || model.isBlank()) {
        throw new IllegalArgumentException("a fixed fallback model needs a provider and a model");
      }
    }

    @Override
    public String toString() {
      return provider + SEPARATOR + model;
    }
  }

  String DEAREST = "dearest";
  char SEPARATOR = '/';

  static PriceFallback dearest() {
    return new Dearest();
  }

  /**
   * Reads {@code dearest} or {@code provider/model}. Only the first slash separates, since some
   * model names contain slashes ({@code meta-llama/Llama-3.3-70B}).
   */
  static PriceFallback parse(String text) {
    String value = text == null ? "" : text.trim();
    if (value.equalsIgnoreCase(DEAREST)) {
      return dearest();
    }
    int slash = value.indexOf(SEPARATOR);
    if (slash <= 0 || slash == value.length() - 1) {
      throw new IllegalArgumentException(
          "price fallback must be \"dearest\" or \"provider/model\", got \"" + value + "\"");
    }
    return new FixedModel(value.substring(0, slash), value.substring(slash + 1));
  }
}
