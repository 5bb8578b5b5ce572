package dev.tollgate.analytics.alerts.internal;

import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alert as one {@code RowBinary} row of {@code alerts}, for an insert naming {@link #COLUMN_NAMES}.
 * Absent strings and the parts of an absent scope become '', absent numbers and times NULL;
 * {@code inserted_at} is left to its DEFAULT.
 */
public final class AlertRowEncoder {
  public static final List<String> COLUMN_NAMES = List.of(
      "alert_id", "kind", "severity", "budget_id", "tenant_id", "team_id", "user_id", "feature",
      "period_start", "period_end", "threshold_pct", "threshold_usd", "spend_usd", "limit_usd",
      "projected_spend_usd", "expected_breach_at", "confidence_pct", "recent_rate_usd_per_hour",
      "baseline_rate_usd_per_hour", "attribute_keys", "attribute_values", "triggered_at", "message");

  private static final int MONEY_SCALE = 12;
  private static final int NULL = 1;
  private static final int NOT_NULL = 0;

  private AlertRowEncoder() {}

  /**
   * Appends the row. A value the table cannot hold (a decimal with too many digits, a time outside
   * DateTime's range) is refused with an {@link IllegalArgumentException} naming the field, and the
   * buffer may then hold part of the row.
   */
  public static void write(RowBinary out, Alert a) {
    out.string(a.getAlertId());
    out.string(a.getKind());
    out.string(a.getSeverity());
    optionalString(out, a.getBudgetId());
    scope(out, a.getScope());
    optionalTime(out, "period_start", a.getPeriodStart());
    optionalTime(out, "period_end", a.getPeriodEnd());
    optionalMoney(out, "threshold_pct", a.getThresholdPct());
    optionalMoney(out, "threshold_usd", a.getThresholdUsd());
    optionalMoney(out, "spend_usd", a.getSpendUsd());
    optionalMoney(out, "limit_usd", a.getLimitUsd());
    optionalMoney(out, "projected_spend_usd", a.getProjectedSpendUsd());
    optionalTime(out, "expected_breach_at", a.getExpectedBreachAt());
    optionalInt32(out, a.getConfidencePct());
    optionalMoney(out, "recent_rate_usd_per_hour", a.getRecentRateUsdPerHour());
    optionalMoney(out, "baseline_rate_usd_per_hour", a.getBaselineRateUsdPerHour());
    attributes(out, a.getAttributes());
    out.dateTime("triggered_at", a.getTriggeredAt());
    out.string(a.getMessage());
  }

  private static void scope(RowBinary out, BudgetScope scope) {
    if (scope == null) {
      for (int column = 0; column < 4; column++) {
        out.string("");
      }
      return;
    }
    out.string(scope.getTenantId());
    optionalString(out, scope.getTeamId());
    optionalString(out, scope.getUserId());
    optionalString(out, scope.getFeature());
  }

  private static void attributes(RowBinary out, Map<String, String> attributes) {
    Map<String, String> sorted = attributes == null ? Map.of() : new TreeMap<>(attributes);
    out.arraySize(sorted.size());
    sorted.keySet().forEach(out::string);
    out.arraySize(sorted.size());
    sorted.values().forEach(value -> optionalString(out, value));
  }

  private static void optionalString(RowBinary out, String value) {
    out.string(value == null ? "" : value);
  }

  private static void optionalTime(RowBinary out, String field, Instant value) {
    if (value == null) {
      out.uint8(NULL);
    } else {
      out.uint8(NOT_NULL);
      out.dateTime(field, value);
    }
  }

  private static void optionalMoney(RowBinary out, String field, BigDecimal value) {
    if (value == null) {
      out.uint8(NULL);
    } else {
      out.uint8(NOT_NULL);
      out.decimal128(field, value, MONEY_SCALE);
    }
  }

  private static void optionalInt32(RowBinary out, Integer value) {
    if (value == null) {
      out.uint8(NULL);
    } else {
      out.uint8(NOT_NULL);
      // The low four bytes of the sign-extended value are the Int32's two's complement.
      out.uint32(value);
    }
  }
}
