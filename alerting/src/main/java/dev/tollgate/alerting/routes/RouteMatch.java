package dev.tollgate.alerting.routes;

import dev.tollgate.schemas.avro.Alert;
import java.util.Set;

/**
 * Which alerts a route takes. An empty set matches any value ({@code "*"} in the file); an alert
 * without a tenant (an ops alert) is matched only by a route for any tenant.
 */
public record RouteMatch(Set<String> tenants, Set<String> kinds, Set<String> budgets, Severity minSeverity) {

  public static final RouteMatch ANY = new RouteMatch(Set.of(), Set.of(), Set.of(), Severity.INFO);

  public RouteMatch {
    tenants = Set.copyOf(tenants);
    kinds = Set.copyOf(kinds);
    budgets = Set.copyOf(budgets);
  }

  public boolean matches(Alert alert) {
    String tenant = alert.getScope() == null ? null : alert.getScope().getTenantId();
    return accepts(tenants, tenant) && accepts(kinds, alert.getKind()) && accepts(budgets, alert.getBudgetId())
        && Severity.ofAlert(alert.getSeverity()).compareTo(minSeverity) >= 0;
  }

  /** e.g. {@code tenant_id [acme], kind *, budget_id *, min_severity warning}. */
  @Override
  public String toString() {
    return "tenant_id " + any(tenants) + ", kind " + any(kinds) + ", budget_id " + any(budgets) + ", min_severity "
        + minSeverity.label();
  }

  private static String any(Set<String> values) {
    return values.isEmpty() ? "*" : values.toString();
  }

  private static boolean accepts(Set<String> allowed, String value) {
    return allowed.isEmpty() || (value != null && allowed.contains(value));
  }
}
