package dev.tollgate.alerting.testing;

import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** Alerts as the budget processor writes them, for tests. */
public final class Alerts {
  public static final Instant PERIOD_START = Instant.parse("2026-03-01T00:00:00Z");
  public static final Instant PERIOD_END = Instant.parse("2026-04-01T00:00:00Z");

  static {
    // Avro trusts the generated classes only once a serde has been set up.
    Topics.ALERTS.valueSerde();
  }

  private Alerts() {}

  /** A threshold alert of tenant acme's monthly $40 budget at $36 (90%). */
  public static Alert.Builder threshold(String alertId, String severity) {
    return Alert.newBuilder()
        .setAlertId(alertId)
        .setKind("threshold")
        .setSeverity(severity)
        .setBudgetId("acme-month")
        .setScope(BudgetScope.newBuilder().setTenantId("acme").setTeamId("search").build())
        .setPeriodStart(PERIOD_START)
        .setPeriodEnd(PERIOD_END)
        .setThresholdPct(new BigDecimal("90.000000000000"))
        .setSpendUsd(new BigDecimal("36.000000000000"))
        .setLimitUsd(new BigDecimal("40.000000000000"))
        .setAttributes(Map.of("period", "month", "period_label", "2026-03", "timezone", "UTC"))
        .setTriggeredAt(Instant.parse("2026-03-20T10:15:30Z"))
        .setMessage("acme-month: $36.00 spent, 90% of the $40.00 month budget");
  }

  public static Alert alert(String alertId, String severity) {
    return threshold(alertId, severity).build();
  }

  public static byte[] bytes(Alert alert) {
    return Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), alert);
  }
}
