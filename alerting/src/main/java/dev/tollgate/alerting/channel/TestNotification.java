package dev.tollgate.alerting.channel;

import dev.tollgate.alerting.message.AlertNotice;
import dev.tollgate.alerting.message.ResolveNotice;
import dev.tollgate.alerting.routes.ChannelSpec;
import dev.tollgate.alerting.routes.PagerDutySpec;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * What {@code ./tollgate alerting test CHANNEL} sends: a made-up info alert of kind {@code test},
 * through the same path as real alerts. A PagerDuty test triggers an incident and resolves it at once.
 */
public final class TestNotification {
  static {
    // Avro trusts the generated classes only once a serde has been set up.
    Topics.ALERTS.valueSerde();
  }

  private TestNotification() {}

  /** Whether the channel accepted it, its answer, and how long that took. */
  public record Outcome(boolean accepted, String detail, Duration took) {}

  public static Outcome send(ChannelSpec spec, Duration timeout, Instant now) {
    Channel channel = Channels.of(spec, timeout);
    Alert alert = sample(spec.name(), now);
    long started = System.nanoTime();
    DeliveryResult result = channel.send(new AlertNotice(alert, true));
    String detail = result.detail();
    boolean accepted = result.accepted();
    if (accepted && spec instanceof PagerDutySpec) {
      DeliveryResult resolve = channel.send(new ResolveNotice(alert));
      detail = "trigger: " + detail + "; resolve: " + resolve.detail();
      accepted = resolve.accepted();
    }
    return new Outcome(accepted, detail, Duration.ofNanos(System.nanoTime() - started));
  }

  public static Alert sample(String channelName, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant start = today.atStartOfDay(ZoneOffset.UTC).toInstant();
    return Alert.newBuilder()
        .setAlertId("test-" + channelName + "-" + now.toEpochMilli())
        .setKind("test")
        .setSeverity("info")
        .setBudgetId("test-budget")
        .setScope(BudgetScope.newBuilder().setTenantId("test").build())
        .setPeriodStart(start)
        .setPeriodEnd(start.plus(1, ChronoUnit.DAYS))
        .setThresholdPct(new BigDecimal("85"))
        .setSpendUsd(new BigDecimal("42.50"))
        .setLimitUsd(new BigDecimal("50.00"))
        .setAttributes(Map.of("period", "day", "period_label", today.toString()))
        .setTriggeredAt(now.truncatedTo(ChronoUnit.MILLIS))
        .setMessage("Test notification from ./tollgate alerting test: channel " + channelName + " works.")
        .build();
  }
}
