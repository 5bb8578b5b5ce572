package dev.tollgate.analytics.alerts;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Alerts of every kind, with every optional field set or absent, as the budget processor sends them. */
final class SampleAlerts {
  static final Instant PERIOD_START = Instant.parse("2026-11-01T00:00:00Z");
  static final Instant PERIOD_END = Instant.parse("2026-12-01T00:00:00Z");

  private SampleAlerts() {}

  static BigDecimal usd(String value) {
    return new BigDecimal(value).setScale(12);
  }

  /**
   * A builder, not a record to copy: {@code Alert.newBuilder(alert)} deep-copies, which Avro refuses
   * for our classes until AvroSerde has been loaded and told it to trust them.
   */
  static Alert.Builder threshold(String id, String tenant, Instant at) {
    return Alert.newBuilder()
        .setAlertId(id)
        .setKind("threshold")
        .setSeverity("warning")
        .setBudgetId("budget-" + tenant)
        .setScope(new BudgetScope(tenant, "search", "u-7", "chat"))
        .setPeriodStart(PERIOD_START)
        .setPeriodEnd(PERIOD_END)
        .setThresholdPct(usd("75"))
        .setSpendUsd(usd("375.123456789012"))
        .setLimitUsd(usd("500"))
        .setTriggeredAt(at)
        .setMessage("budget-" + tenant + " passed 75% of 500 USD");
  }

  /** One of each kind, from a threshold on a whole tenant to an ops alert without budget or scope. */
  static List<Alert> everyKind(String run) {
    List<Alert> alerts = new ArrayList<>();
    alerts.add(threshold(run + "-threshold", run + "-acme", Instant.parse("2026-11-20T10:00:01Z")).build());
    alerts.add(threshold(run + "-amount", run + "-acme", Instant.parse("2026-11-20T10:00:02Z"))
        .setScope(new BudgetScope(run + "-acme", null, null, null))
        .setSeverity("critical")
        .setThresholdPct(null)
        .setThresholdUsd(usd("12345678901234567890123456.123456789012"))
        .setSpendUsd(usd("12345678901234567890123456.123456789013"))
        .setLimitUsd(usd("99999999999999999999999999.999999999999"))
        .build());
    alerts.add(threshold(run + "-forecast", run + "-globex", Instant.parse("2026-11-20T10:00:03Z"))
        .setKind("forecast")
        .setThresholdPct(usd("100"))
        .setSpendUsd(usd("-0.000000000001"))
        .setProjectedSpendUsd(usd("612.000000000001"))
        .setExpectedBreachAt(Instant.parse("2026-11-27T18:30:00Z"))
        .setConfidencePct(87)
        .build());
    alerts.add(threshold(run + "-anomaly", run + "-globex", Instant.parse("2026-11-20T10:00:04Z"))
        .setKind("anomaly")
        .setSeverity("emergency")
        .setThresholdPct(null)
        .setConfidencePct(0)
        .setRecentRateUsdPerHour(usd("41.5"))
        .setBaselineRateUsdPerHour(usd("0.000000000007"))
        .build());
    alerts.add(Alert.newBuilder()
        .setAlertId(run + "-ops")
        .setKind("ops")
        .setSeverity("info")
        .setAttributes(Map.of(
            "model", "gpt-9-preview",
            "provider", "openai",
            "odd, 'quoted'\t\"key\"", "line one\nline two \\ back",
            "unicode", "Grüße 東京 🚀",
            "empty", ""))
        .setTriggeredAt(Instant.parse("2026-11-20T10:00:05Z"))
        .setMessage("unpriced model openai/gpt-9-preview: priced by the fallback\twith tabs\nand lines")
        .build());
    return alerts;
  }
}
