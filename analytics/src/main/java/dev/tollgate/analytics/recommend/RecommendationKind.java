package dev.tollgate.analytics.recommend;

/** What a recommendation proposes; {@link #code()} is how machines name it (CSV, JSON). */
public enum RecommendationKind {
  SWITCH_MODEL("switch_model", "switch model"),
  CACHE("cache", "cache"),
  BATCH("batch", "batch"),
  TRIM_PROMPTS("trim_prompts", "trim prompts");

  private final String code;
  private final String label;

  RecommendationKind(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }
}
