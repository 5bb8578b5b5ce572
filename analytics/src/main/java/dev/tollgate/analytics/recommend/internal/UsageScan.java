package dev.tollgate.analytics.recommend.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.recommend.RecommendWindow;
import dev.tollgate.analytics.report.internal.Sql;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The two reads of the raw events that recommendations rest on, grouped by tenant, feature, provider
 * and model. The rollups lack what the rules need (the batch flag, the operation, audio, request and
 * prompt ids), so these scan the raw table, without {@code FINAL}: the writer never inserts an event
 * twice, and {@code FINAL} would cost seconds on millions of rows.
 */
public final class UsageScan {
  /** Operations that send no prompt to be answered in text; the model switch and the prompt trim leave them alone. */
  static final List<String> NON_PROMPT_OPERATIONS = List.of(
      "embedding", "embeddings", "transcription", "translation", "speech", "image", "moderation");

  private static final String KEY = "tenant_id AS t, feature AS f, provider AS p, model AS m";
  private static final String GROUP = "GROUP BY tenant_id, feature, provider, model";
  private static final String TOKENS = "countIf(batch = 1) AS bn,"
      + " sumIf(input_tokens, batch = 0) AS i0, sumIf(cached_input_tokens, batch = 0) AS c0, sumIf(output_tokens, batch = 0) AS o0,"
      + " sumIf(input_tokens, batch = 1) AS i1, sumIf(cached_input_tokens, batch = 1) AS c1, sumIf(output_tokens, batch = 1) AS o1";

  private final ClickHouseHttp clickHouse;
  private final String table;

  public UsageScan(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.table = database + ".usage_events";
  }

  /** Every feature/model's calls: token mix, requests, kinds of call, spend. */
  public List<GroupUsage> groups(RecommendWindow window, Optional<String> tenant) {
    String nonPrompt = String.join(", ", NON_PROMPT_OPERATIONS.stream().map(Sql::quote).toList());
    Rows rows = clickHouse.query("SELECT " + KEY + ", count() AS calls,"
        + " uniq(if(request_id = '', event_id, request_id)) AS reqs,"
        + " countIf(audio_seconds IS NOT NULL) AS audio, countIf(operation IN (" + nonPrompt + ")) AS other_ops, "
        + TOKENS + ", toString(sum(cost_usd)) AS usd FROM " + table
        + " WHERE " + where(window, tenant) + " " + GROUP + " ORDER BY t, f, p, m");
    List<GroupUsage> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new GroupUsage(key(rows, i), count(rows, i, "reqs"), count(rows, i, "audio"), count(rows, i, "other_ops"),
          mix(rows, i, count(rows, i, "calls"), ""), new BigDecimal(rows.get(i, "usd"))));
    }
    return out;
  }

  /**
   * Every feature/model's repeat calls: for each prompt sent more than once, all its calls but the
   * first (by time, then event id), whose tokens are those of the prompt's calls less the first's.
   */
  public List<Repeats> repeats(RecommendWindow window, Optional<String> tenant) {
    String first = "tupleElement(fc, 1)";
    // The outer aliases differ from the inner columns: on 18.16 an alias equal to a column name breaks the query.
    Rows rows = clickHouse.query("SELECT t, f, p, m, count() AS prompts, sum(n) - count() AS calls,"
        + " sum(bn) - countIf(" + first + " = 1) AS rbn,"
        + " sum(i0) - sumIf(tupleElement(fc, 2), " + first + " = 0) AS ri0,"
        + " sum(c0) - sumIf(tupleElement(fc, 3), " + first + " = 0) AS rc0,"
        + " sum(o0) - sumIf(tupleElement(fc, 4), " + first + " = 0) AS ro0,"
        + " sum(i1) - sumIf(tupleElement(fc, 2), " + first + " = 1) AS ri1,"
        + " sum(c1) - sumIf(tupleElement(fc, 3), " + first + " = 1) AS rc1,"
        + " sum(o1) - sumIf(tupleElement(fc, 4), " + first + " = 1) AS ro1"
        + " FROM (SELECT " + KEY + ", count() AS n, " + TOKENS + ","
        + " argMin(tuple(batch, input_tokens, cached_input_tokens, output_tokens), tuple(occurred_at, event_id)) AS fc"
        + " FROM " + table + " WHERE prompt_hash != '' AND " + where(window, tenant)
        + " GROUP BY tenant_id, feature, provider, model, prompt_hash HAVING n > 1)"
        + " GROUP BY t, f, p, m ORDER BY t, f, p, m");
    List<Repeats> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      out.add(new Repeats(key(rows, i), count(rows, i, "prompts"), mix(rows, i, count(rows, i, "calls"), "r")));
    }
    return out;
  }

  /** Model calls of the window; {@code occurred_date} too, which the sorting key indexes. */
  private static String where(RecommendWindow window, Optional<String> tenant) {
    return "operation != 'adjustment'"
        + " AND occurred_date >= toDate(" + Sql.dateTime(window.from()) + ")"
        + " AND occurred_date <= toDate(" + Sql.dateTime(window.to()) + ")"
        + " AND occurred_at >= " + Sql.dateTime(window.from()) + " AND occurred_at < " + Sql.dateTime(window.to())
        + tenant.map(t -> " AND tenant_id = " + Sql.quote(t)).orElse("");
  }

  private static GroupKey key(Rows rows, int i) {
    return new GroupKey(rows.get(i, "t"), rows.get(i, "f"), rows.get(i, "p"), rows.get(i, "m"));
  }

  private static TokenMix mix(Rows rows, int i, long calls, String prefix) {
    return new TokenMix(calls, count(rows, i, prefix + "bn"),
        new TokenMix.Tokens(count(rows, i, prefix + "i0"), count(rows, i, prefix + "c0"), count(rows, i, prefix + "o0")),
        new TokenMix.Tokens(count(rows, i, prefix + "i1"), count(rows, i, prefix + "c1"), count(rows, i, prefix + "o1")));
  }

  private static long count(Rows rows, int i, String column) {
    return Long.parseLong(rows.get(i, column));
  }
}
