package dev.tollgate.alerting.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutesTest {
  private final Routes routes = RouteFile.parse("""
      {"channels": [
        {"name": "pager", "type": "pagerduty", "routing_key": "k"},
        {"name": "acme-slack", "type": "slack", "url": "https://hooks.slack.com/a"},
        {"name": "ops-hook", "type": "webhook", "url": "http://127.0.0.1:9999/hook"},
        {"name": "mail", "type": "email", "smtp_host": "smtp", "from": "a@b.c", "to": "d@e.f"}],
       "routes": [
        {"match": {"min_severity": "critical"}, "channels": ["pager"], "continue": true},
        {"match": {"tenant_id": "acme", "kind": ["threshold", "forecast"]}, "channels": ["acme-slack"]},
        {"match": {"kind": "ops"}, "channels": []},
        {"match": {"tenant_id": "*", "kind": "*", "min_severity": "info"}, "channels": ["ops-hook", "mail"]}]}
      """, "routes.json", Map.of());

  @Test
  void shouldTakeTheFirstMatchingRouteAndAddThoseThatContinue() {
    // given
    Alert acmeCritical = Alerts.alert("a-1", "critical");
    Alert acmeInfo = Alerts.alert("a-2", "info");
    Alert globexEmergency = Alerts.threshold("g-1", "emergency")
        .setScope(BudgetScope.newBuilder().setTenantId("globex").build()).build();
    Alert acmeAnomaly = Alerts.threshold("a-3", "warning").setKind("anomaly").build();

    // when / then
    assertThat(routes.select(acmeCritical)).isEqualTo(new Routes.Selection(true, List.of("pager", "acme-slack")));
    assertThat(routes.select(acmeInfo)).isEqualTo(new Routes.Selection(true, List.of("acme-slack")));
    assertThat(routes.select(globexEmergency)).isEqualTo(new Routes.Selection(true, List.of("pager", "ops-hook", "mail")));
    assertThat(routes.select(acmeAnomaly)).isEqualTo(new Routes.Selection(true, List.of("ops-hook", "mail")));
  }

  @Test
  void shouldDropWhatARouteWithoutChannelsMatchesAndRouteUnknownSeveritiesAsCritical() {
    // given an ops alert without a scope, and one with a severity this version does not know
    Alert ops = Alerts.threshold("ops-1", "warning").setKind("ops").setScope(null).setBudgetId(null).build();
    Alert loud = Alerts.alert("a-4", "catastrophic");

    // when / then
    assertThat(routes.select(ops)).isEqualTo(new Routes.Selection(true, List.of()));
    assertThat(routes.select(loud).channels()).startsWith("pager");
  }

  @Test
  void shouldReportAnAlertNoRouteTakes() {
    // given routes for one tenant only
    Routes narrow = RouteFile.parse("""
        {"channels": [{"name": "hook", "type": "webhook", "url": "http://127.0.0.1:9999/hook"}],
         "routes": [{"match": {"tenant_id": "globex"}, "channels": ["hook"]}]}
        """, "routes.json", Map.of());

    // when
    Routes.Selection selection = narrow.select(Alerts.alert("a-1", "critical"));

    // then
    assertThat(selection.matched()).isFalse();
    assertThat(narrow.hasCatchAll()).isFalse();
  }
}
