package dev.tollgate.analytics.report;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.internal.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Questions only the raw table can answer: adjustments with their reason, prompts, single requests.
 * Without {@code FINAL}, which costs seconds on millions of rows: the writer never inserts an event
 * twice (it resumes after the highest Kafka offset ClickHouse holds), which is also what keeps the
 * rollups equal to the raw table; {@code LIMIT 1 BY event_id} still reads an event once where few
 * rows are read.
 */
public final class EventQueries {
  private static final String ADJUSTMENT_COLUMNS = "event_id, toString(occurred_at) AS at, tenant_id, team_id, user_id,"
      + " feature, provider, model, toString(cost_usd) AS usd, reason, reference, input_tokens AS it,"
      + " cached_input_tokens AS ct, output_tokens AS ot";

  private final ClickHouseHttp clickHouse;
  private final String table;

  public EventQueries(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.table = database + ".usage_events";
  }

  /** The adjustments (credits and refunds) of the range, oldest first. */
  public List<Adjustment> adjustments(ReportRange range, Optional<String> tenant) {
    Rows rows = clickHouse.query("SELECT " + ADJUSTMENT_COLUMNS + " FROM " + table
        + " WHERE operation = 'adjustment' AND " + Sql.events(range, tenant)
        + " ORDER BY occurred_at, event_id LIMIT 1 BY event_id");
    List<Adjustment> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new Adjustment(rows.get(i, "event_id"), Times.utc(rows.get(i, "at")), rows.get(i, "tenant_id"),
          rows.get(i, "team_id"), rows.get(i, "user_id"), rows.get(i, "feature"), rows.get(i, "provider"),
          rows.get(i, "model"), new BigDecimal(rows.get(i, "usd")), rows.get(i, "reason"), rows.get(i, "reference"),
          Long.parseLong(rows.get(i, "it")), Long.parseLong(rows.get(i, "ct")), Long.parseLong(rows.get(i, "ot"))));
    }
    return out;
  }

  /** The prompts that cost most in the range. */
  public List<PromptSpend> topPrompts(ReportRange range, Optional<String> tenant, int limit) {
    Rows rows = clickHouse.query("SELECT prompt_hash AS p, count() AS calls, uniqExact(user_id) AS users,"
        + " uniqExact(feature) AS features, sum(input_tokens) AS it, sum(cached_input_tokens) AS ct,"
        + " sum(output_tokens) AS ot, toString(sum(cost_usd)) AS usd FROM " + table
        + " WHERE prompt_hash != '' AND operation != 'adjustment' AND " + Sql.events(range, tenant)
        + " GROUP BY prompt_hash ORDER BY sum(cost_usd) DESC, prompt_hash LIMIT " + limit);
    List<PromptSpend> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new PromptSpend(rows.get(i, "p"), Long.parseLong(rows.get(i, "calls")), Long.parseLong(rows.get(i, "users")),
          Long.parseLong(rows.get(i, "features")), Long.parseLong(rows.get(i, "it")), Long.parseLong(rows.get(i, "ct")),
          Long.parseLong(rows.get(i, "ot")), new BigDecimal(rows.get(i, "usd"))));
    }
    return out;
  }

  /** Every event of a request or job: those with this {@code request_id}, or the one event with this {@code event_id}. */
  public List<RequestEvent> request(String id) {
    Rows rows = clickHouse.query("SELECT event_id, toString(occurred_at) AS at, tenant_id, team_id, user_id, feature,"
        + " provider, model, operation, batch AS b, input_tokens AS it, cached_input_tokens AS ct, output_tokens AS ot,"
        + " toString(audio_seconds) AS audio, status AS st, price_source AS src, price_model AS pm,"
        + " toString(price_effective_from) AS pf, toString(price_input_per_mtok) AS pin,"
        + " toString(price_cached_input_per_mtok) AS pcached, toString(price_output_per_mtok) AS pout,"
        + " toString(price_per_audio_minute) AS pmin, toString(price_batch_discount_pct) AS pbatch,"
        + " toString(cost_usd) AS usd, reason AS why, reference AS ref FROM " + table
        + " WHERE request_id = " + Sql.quote(id) + " OR event_id = " + Sql.quote(id)
        + " ORDER BY occurred_at, event_id LIMIT 1 BY event_id");
    List<RequestEvent> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(RequestEvent.from(rows, i));
    }
    return out;
  }

  /** Times as ClickHouse prints a {@code DateTime('UTC')}. */
  static final class Times {
    private Times() {}

    static Instant utc(String text) {
      return text == null ? null : Instant.parse(text.replace(' ', 'T') + "Z");
    }
  }
}
