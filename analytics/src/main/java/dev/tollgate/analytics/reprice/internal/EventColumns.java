package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored columns of {@code usage_events} in table order (MATERIALIZED and ALIAS columns are
 * computed by the server and cannot be inserted). A row is read and written back with all of them,
 * so columns added later travel along unchanged.
 */
public final class EventColumns {
  /** What re-pricing reads to rebuild and price an event, and the columns it rewrites. */
  static final List<String> REQUIRED = List.of(
      "event_id", "occurred_at", "tenant_id", "team_id", "user_id", "feature", "provider", "model", "operation",
      "input_tokens", "cached_input_tokens", "output_tokens", "audio_seconds", "batch", "estimated", "status",
      "latency_ms", "request_id", "prompt_hash", "attribute_keys", "attribute_values", "baseline_model",
      "baseline_input_tokens", "baseline_output_tokens", "amount_usd", "reason", "reference", "cost_usd",
      "baseline_cost_usd", "price_source", "price_model", "price_effective_from", "price_input_per_mtok",
      "price_output_per_mtok", "price_cached_input_per_mtok", "price_per_audio_minute", "price_batch_discount_pct",
      "priced_at");

  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();

  public EventColumns(List<String> names) {
    this.names = List.copyOf(names);
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    List<String> missing = REQUIRED.stream().filter(c -> !index.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("usage_events lacks the columns " + missing
          + "; apply the current schema first (./tollgate up applies it)");
    }
  }

  public static EventColumns read(ClickHouseHttp clickHouse, String database, String table) {
    Rows rows = clickHouse.query("SELECT name FROM system.columns WHERE database = " + Sql.quote(database)
        + " AND table = " + Sql.quote(table) + " AND default_kind NOT IN ('MATERIALIZED', 'ALIAS')");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      names.add(rows.get(i, "name"));
    }
    if (names.isEmpty()) {
      throw new IllegalStateException(database + "." + table + " does not exist");
    }
    return new EventColumns(names);
  }

  public List<String> names() {
    return names;
  }

  public int size() {
    return names.size();
  }

  public int indexOf(String column) {
    Integer i = index.get(column);
    if (i == null) {
      throw new IllegalArgumentException("no column " + column + " in usage_events");
    }
    return i;
  }

  public String selectList() {
    return String.join(", ", names);
  }
}
