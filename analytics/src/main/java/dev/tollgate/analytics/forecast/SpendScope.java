package dev.tollgate.analytics.forecast;

import dev.tollgate.schemas.avro.BudgetScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whose spend a forecast is about: everything, or a tenant, narrowed by any of team, user, feature and
 * model (with its provider when given as {@code provider/model}). Each part is a column of the usage
 * tables and its value.
 */
public record SpendScope(Map<String, String> columns) {
  public static final SpendScope EVERYTHING = new SpendScope(Map.of());
  private static final String SCOPE_FORMS = "team:X, user:U, feature:F, model:M (or model:provider/M) or budget:ID";

  public SpendScope {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /**
   * From the user's {@code --tenant} and {@code --scope} (either may be null); {@code budget:ID} is
   * not read here, since a budget's scope lives in Kafka.
   */
  public static SpendScope parse(String tenant, String scope) {
    Map<String, String> columns = new LinkedHashMap<>();
    if (tenant != null && !tenant.isBlank()) {
      columns.put("tenant_id", tenant.trim());
    }
    if (scope != null && !scope.isBlank()) {
      int colon = scope.indexOf(':');
      String kind = colon < 0 ? "" : scope.substring(0, colon).trim();
      String value = colon < 0 ? "" : scope.substring(colon + 1).trim();
      if (value.isEmpty()) {
        throw new IllegalArgumentException("--scope must be " + SCOPE_FORMS + ", got \"" + scope + "\"");
      }
      switch (kind) {
        case "team" -> columns.put("team_id", value);
        case "user" -> columns.put("user_id", value);
        case "feature" -> columns.put("feature", value);
        case "model" -> putModel(columns, value);
        default -> throw new IllegalArgumentException("--scope must be " + SCOPE_FORMS + ", got \"" + scope + "\"");
      }
    }
    return new SpendScope(columns);
  }

  /** Whose spend a budget counts: its tenant, narrowed by the team, user and feature it names. */
  public static SpendScope of(BudgetScope scope) {
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("tenant_id", scope.getTenantId());
    Optional.ofNullable(scope.getTeamId()).ifPresent(v -> columns.put("team_id", v));
    Optional.ofNullable(scope.getUserId()).ifPresent(v -> columns.put("user_id", v));
    Optional.ofNullable(scope.getFeature()).ifPresent(v -> columns.put("feature", v));
    return new SpendScope(columns);
  }

  public Optional<String> tenant() {
    return Optional.ofNullable(columns.get("tenant_id"));
  }

  /** In words, e.g. {@code tenant acme, team search}; {@code all tenants} for everything. */
  public String describe() {
    if (columns.isEmpty()) {
      return "all tenants";
    }
    List<String> parts = new ArrayList<>();
    columns.forEach((column, value) -> parts.add(switch (column) {
      case "tenant_id" -> "tenant";
      case "team_id" -> "team";
      case "user_id" -> "user";
      default -> column;
    } + " " + value));
    return String.join(", ", parts);
  }

  private static void putModel(Map<String, String> columns, String value) {
    int slash = value.indexOf('/');
    if (slash > 0 && slash < value.length() - 1) {
      columns.put("provider", value.substring(0, slash));
      columns.put("model", value.substring(slash + 1));
    } else {
      columns.put("model", value);
    }
  }
}
