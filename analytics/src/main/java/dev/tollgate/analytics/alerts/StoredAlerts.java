package dev.tollgate.analytics.alerts;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.writer.internal.HeldOffsets;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetScope;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads alerts back from the {@code alerts} table, each once (FINAL), as the records that were sent. */
public final class StoredAlerts {
  private static final int MONEY_SCALE = 12;
  // Times as epoch seconds, and attributes as hex, so the text form needs no parsing of dates or quoted arrays.
  private static final String COLUMNS = String.join(", ",
      "alert_id", "kind", "severity", "budget_id", "tenant_id", "team_id", "user_id", "feature",
      "toUnixTimestamp(period_start) AS period_start_s", "toUnixTimestamp(period_end) AS period_end_s",
      "threshold_pct", "threshold_usd", "spend_usd", "limit_usd", "projected_spend_usd",
      "toUnixTimestamp(expected_breach_at) AS expected_breach_at_s", "confidence_pct",
      "recent_rate_usd_per_hour", "baseline_rate_usd_per_hour",
      "length(attribute_keys) AS attribute_count",
      "arrayStringConcat(arrayMap(k -> hex(k), attribute_keys), ',') AS attribute_keys_hex",
      "arrayStringConcat(arrayMap(v -> hex(v), attribute_values), ',') AS attribute_values_hex",
      "toUnixTimestamp(triggered_at) AS triggered_at_s", "message");

  private final ClickHouseHttp clickHouse;
  private final String table;

  /** Which alerts to read: null tenant or kind means any. */
  public record Query(String tenantId, String kind, int limit) {
    public Query {
      if (limit < 1) {
        throw new IllegalArgumentException("limit must be at least 1, got " + limit);
      }
    }
  }

  public StoredAlerts(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.table = database + ".alerts";
  }

  /** The newest alerts first (by triggered_at, then alert_id), at most {@code query.limit()}. */
  public List<Alert> newestFirst(Query query) {
    List<String> where = new ArrayList<>();
    if (query.tenantId() != null) {
      where.add("tenant_id = " + HeldOffsets.quote(query.tenantId()));
    }
    if (query.kind() != null) {
      where.add("kind = " + HeldOffsets.quote(query.kind()));
    }
    Rows rows = clickHouse.query("SELECT " + COLUMNS + " FROM " + table + " FINAL"
        + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
        + " ORDER BY triggered_at DESC, alert_id LIMIT " + query.limit());
    List<Alert> alerts = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      alerts.add(alert(rows, i));
    }
    return alerts;
  }

  private static Alert alert(Rows rows, int i) {
    return Alert.newBuilder()
        .setAlertId(rows.get(i, "alert_id"))
        .setKind(rows.get(i, "kind"))
        .setSeverity(rows.get(i, "severity"))
        .setBudgetId(orNull(rows.get(i, "budget_id")))
        .setScope(scope(rows, i))
        .setPeriodStart(time(rows.get(i, "period_start_s")))
        .setPeriodEnd(time(rows.get(i, "period_end_s")))
        .setThresholdPct(money(rows.get(i, "threshold_pct")))
        .setThresholdUsd(money(rows.get(i, "threshold_usd")))
        .setSpendUsd(money(rows.get(i, "spend_usd")))
        .setLimitUsd(money(rows.get(i, "limit_usd")))
        .setProjectedSpendUsd(money(rows.get(i, "projected_spend_usd")))
        .setExpectedBreachAt(time(rows.get(i, "expected_breach_at_s")))
        .setConfidencePct(rows.get(i, "confidence_pct") == null ? null : Integer.valueOf(rows.get(i, "confidence_pct")))
        .setRecentRateUsdPerHour(money(rows.get(i, "recent_rate_usd_per_hour")))
        .setBaselineRateUsdPerHour(money(rows.get(i, "baseline_rate_usd_per_hour")))
        .setAttributes(attributes(rows, i))
        .setTriggeredAt(time(rows.get(i, "triggered_at_s")))
        .setMessage(rows.get(i, "message"))
        .build();
  }

  private static BudgetScope scope(Rows rows, int i) {
    String tenant = rows.get(i, "tenant_id");
    if (tenant.isEmpty()) {
      return null;
    }
    return new BudgetScope(tenant, orNull(rows.get(i, "team_id")), orNull(rows.get(i, "user_id")),
        orNull(rows.get(i, "feature")));
  }

  private static Map<String, String> attributes(Rows rows, int i) {
    int count = Integer.parseInt(rows.get(i, "attribute_count"));
    Map<String, String> attributes = new LinkedHashMap<>();
    if (count == 0) {
      return attributes;
    }
    String[] keys = rows.get(i, "attribute_keys_hex").split(",", -1);
    String[] values = rows.get(i, "attribute_values_hex").split(",", -1);
    for (int a = 0; a < count; a++) {
      attributes.put(unhex(keys[a]), unhex(values[a]));
    }
    return attributes;
  }

  private static String unhex(String hex) {
    return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_8);
  }

  private static String orNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static Instant time(String epochSeconds) {
    return epochSeconds == null ? null : Instant.ofEpochSecond(Long.parseLong(epochSeconds));
  }

  /** At the schema's scale: current ClickHouse versions print decimals without trailing zeros. */
  private static BigDecimal money(String value) {
    return value == null ? null : new BigDecimal(value).setScale(MONEY_SCALE);
  }
}
