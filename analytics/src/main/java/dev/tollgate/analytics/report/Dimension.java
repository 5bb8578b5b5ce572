package dev.tollgate.analytics.report;

import java.util.List;
import java.util.Locale;

/** What spend can be broken down by: a column, or two for a model (the same name may exist at two providers). */
public enum Dimension {
  TENANT(List.of("tenant_id")),
  TEAM(List.of("tenant_id", "team_id")),
  USER(List.of("tenant_id", "user_id")),
  FEATURE(List.of("feature")),
  MODEL(List.of("provider", "model")),
  PROVIDER(List.of("provider"));

  private final List<String> columns;

  Dimension(List<String> columns) {
    this.columns = columns;
  }

  /**
   * The columns of one line. Teams and users are named within their tenant, so they are kept apart
   * per tenant; features, models and providers are shared names across tenants.
   */
  public List<String> columns() {
    return columns;
  }

  public static Dimension parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--dimension must be one of tenant, team, user, feature, model, provider, got \"" + text + "\"");
    }
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
