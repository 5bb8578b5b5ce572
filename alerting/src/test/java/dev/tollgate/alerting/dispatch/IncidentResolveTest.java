package dev.tollgate.alerting.dispatch;

import static dev.tollgate.alerting.dispatch.EngineFixture.SETTINGS;
import static dev.tollgate.alerting.dispatch.EngineFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.alerting.channel.DeliveryResult;
import dev.tollgate.alerting.message.AlertNotice;
import dev.tollgate.alerting.message.ResolveNotice;
import dev.tollgate.alerting.metrics.AlertingMetrics;
import dev.tollgate.alerting.routes.PagerDutySpec;
import dev.tollgate.alerting.testing.Alerts;
import dev.tollgate.alerting.testing.ScriptedChannel;
import dev.tollgate.schemas.avro.Alert;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncidentResolveTest {
  private static final String ROUTES = """
      {"channels": [{"name": "pd", "type": "pagerduty", "routing_key": "k", "url": "http://127.0.0.1:9/pd"}],
       "routes": [{"channels": ["pd"]}]}
      """;
  private final Alert alert = Alerts.threshold("acme-day/2026-03-20/threshold-90", "critical")
      .setPeriodStart(T0.minus(Duration.ofHours(10))).setPeriodEnd(T0.plus(Duration.ofHours(1))).build();

  private static ScriptedChannel pagerDuty() {
    return new ScriptedChannel(new PagerDutySpec("pd", URI.create("http://127.0.0.1:9/pd"), "k", "tollgate", null));
  }

  @Test
  void shouldKeepTheIncidentOpenUntilTheBudgetPeriodEndsThenResolveIt() {
    // given
    ScriptedChannel pd = pagerDuty();
    EngineFixture f = new EngineFixture(ROUTES, SETTINGS, Map.of("pd", pd));
    f.publish(0, 0, alert);

    // when
    f.step();
    Map<String, Alert> openAfterTrigger = Map.copyOf(f.incidents);
    f.after(Duration.ofMinutes(59));
    int sentBeforeTheEnd = pd.sent().size();
    f.after(Duration.ofMinutes(1));

    // then
    assertThat(openAfterTrigger).containsOnlyKeys("pd|acme-day/2026-03-20/threshold-90");
    assertThat(sentBeforeTheEnd).isEqualTo(1);
    assertThat(pd.sent()).hasSize(2);
    assertThat(pd.sent().get(0)).isEqualTo(new AlertNotice(alert));
    assertThat(pd.sent().get(1)).isEqualTo(new ResolveNotice(alert));
    assertThat(f.incidents).isEmpty();
    assertThat(f.engine.openIncidents()).isZero();
    assertThat(f.metrics.count(AlertingMetrics.RESOLVED, "pd")).isEqualTo(1);
  }

  @Test
  void shouldResolveIncidentsOpenedBeforeARestart() {
    // given the incident a previous run recorded
    ScriptedChannel pd = pagerDuty();
    EngineFixture f = new EngineFixture(ROUTES, SETTINGS, Map.of("pd", pd));
    f.incidents.put("pd|" + alert.getAlertId(), alert);
    f.engine.loadIncidents(Map.copyOf(f.incidents));

    // when
    f.after(Duration.ofHours(1));

    // then
    assertThat(pd.sent()).containsExactly(new ResolveNotice(alert));
    assertThat(f.incidents).isEmpty();
  }

  @Test
  void shouldParkAResolveThatIsRefusedAndForgetTheIncident() {
    // given
    ScriptedChannel pd = pagerDuty().then(DeliveryResult.accepted("HTTP 202"), DeliveryResult.refused("HTTP 400: invalid"));
    EngineFixture f = new EngineFixture(ROUTES, SETTINGS, Map.of("pd", pd));
    f.publish(0, 0, alert);
    f.step();

    // when
    f.after(Duration.ofHours(1));

    // then
    assertThat(f.deadLetters).hasSize(1);
    assertThat(f.deadLetters.get(0).getDelivery()).isEqualTo("resolve");
    assertThat(f.deadLetters.get(0).getSourceTopic()).isEqualTo("tollgate.alerts.incidents");
    assertThat(f.deadLetters.get(0).getLastError()).isEqualTo("HTTP 400: invalid");
    assertThat(f.incidents).isEmpty();
    assertThat(f.engine.openIncidents()).isZero();
  }

  @Test
  void shouldOpenNoIncidentForAnAlertWithoutAPeriod() {
    // given an ops alert
    EngineFixture f = new EngineFixture(ROUTES, SETTINGS, Map.of("pd", pagerDuty()));
    f.publish(0, 0, Alerts.threshold("ops:model-x", "warning").setKind("ops").setBudgetId(null).setScope(null)
        .setPeriodStart(null).setPeriodEnd(null).build());

    // when
    f.step();

    // then
    assertThat(f.channel("pd").keys()).containsExactly("ops:model-x");
    assertThat(f.incidents).isEmpty();
  }
}
