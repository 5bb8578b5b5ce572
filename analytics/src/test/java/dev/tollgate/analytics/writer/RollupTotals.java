package dev.tollgate.analytics.writer;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Totals per time bucket and rollup dimensions, as {@code bucket|tenant|team|user|feature|provider|model}
 * mapped to {@code requests|adjustments|input_tokens|cached_input_tokens|output_tokens|cost_usd}, in
 * ClickHouse's text form: computed in Java from events, from {@code usage_events FINAL}, or from a rollup.
 */
final class RollupTotals {
  private static final String DIMENSIONS = "tenant_id, team_id, user_id, feature, provider, model";
  private static final DateTimeFormatter HOUR_TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  /** A rollup table, its time column, and that column computed from {@code usage_events}. */
  enum Bucket {
    HOUR("usage_hourly", "hour", "toStartOfHour(occurred_at)",
        e -> HOUR_TEXT.format(e.getOccurredAt().truncatedTo(ChronoUnit.HOURS))),
    DAY("usage_daily", "day", "toDate(occurred_at)", e -> DAY_TEXT.format(e.getOccurredAt()));

    final String table;
    final String column;
    final String fromEvents;
    final Function<UsageEvent, String> ofEvent;

    Bucket(String table, String column, String fromEvents, Function<UsageEvent, String> ofEvent) {
      this.table = table;
      this.column = column;
      this.fromEvents = fromEvents;
      this.ofEvent = ofEvent;
    }
  }

  private final ClickHouseHttp clickHouse;
  private final String database;

  RollupTotals(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.database = database;
  }

  /** The totals of the events, each counted once per time it is in the list, summed exactly in Java. */
  static Map<String, String> expected(List<PricedUsageEvent> events, Bucket bucket) {
    Map<String, Sums> sums = new TreeMap<>();
    for (PricedUsageEvent priced : events) {
      UsageEvent e = priced.getEvent();
      String key = String.join("|", bucket.ofEvent.apply(e), e.getTenantId(), e.getTeamId() == null ? "" : e.getTeamId(),
          e.getUserId(), e.getFeature(), e.getProvider(), e.getModel());
      sums.merge(key, Sums.of(priced), Sums::plus);
    }
    Map<String, String> totals = new TreeMap<>();
    sums.forEach((key, s) -> totals.put(key, s.text()));
    return totals;
  }

  /** The grand total of the events, in the same form as a value of {@link #expected}. */
  static String expectedTotal(List<PricedUsageEvent> events) {
    return events.stream().map(Sums::of).reduce(Sums.ZERO, Sums::plus).text();
  }

  Map<String, String> fromEventsFinal(Bucket bucket) {
    return keyed("SELECT concat(toString(" + bucket.fromEvents + "), '|', " + keyColumns() + ") AS k, " + eventSums() + " AS v"
        + " FROM " + database + ".usage_events FINAL GROUP BY " + bucket.fromEvents + ", " + DIMENSIONS);
  }

  Map<String, String> fromRollup(Bucket bucket) {
    return keyed("SELECT concat(toString(" + bucket.column + "), '|', " + keyColumns() + ") AS k, " + rollupSums() + " AS v"
        + " FROM " + database + "." + bucket.table + " GROUP BY " + bucket.column + ", " + DIMENSIONS);
  }

  String totalOfEventsFinal() {
    return clickHouse.query("SELECT " + eventSums() + " AS v FROM " + database + ".usage_events FINAL").get(0, "v");
  }

  String totalOfRollup(Bucket bucket) {
    return clickHouse.query("SELECT " + rollupSums() + " AS v FROM " + database + "." + bucket.table).get(0, "v");
  }

  private static String keyColumns() {
    return "tenant_id, '|', team_id, '|', user_id, '|', feature, '|', provider, '|', model";
  }

  private static String eventSums() {
    return "concat(toString(countIf(operation != 'adjustment')), '|', toString(countIf(operation = 'adjustment')), '|',"
        + " toString(sum(input_tokens)), '|', toString(sum(cached_input_tokens)), '|', toString(sum(output_tokens)), '|',"
        + " toString(sum(cost_usd)))";
  }

  private static String rollupSums() {
    return "concat(toString(sum(requests)), '|', toString(sum(adjustments)), '|', toString(sum(input_tokens)), '|',"
        + " toString(sum(cached_input_tokens)), '|', toString(sum(output_tokens)), '|', toString(sum(cost_usd)))";
  }

  private Map<String, String> keyed(String sql) {
    Rows rows = clickHouse.query(sql);
    Map<String, String> map = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      map.put(rows.get(i, "k"), rows.get(i, "v"));
    }
    return map;
  }

  private record Sums(long requests, long adjustments, long input, long cached, long output, BigDecimal cost) {
    static final Sums ZERO = new Sums(0, 0, 0, 0, 0, BigDecimal.ZERO);

    static Sums of(PricedUsageEvent priced) {
      UsageEvent e = priced.getEvent();
      boolean adjustment = "adjustment".equals(e.getOperation());
      return new Sums(adjustment ? 0 : 1, adjustment ? 1 : 0, e.getInputTokens(), e.getCachedInputTokens(),
          e.getOutputTokens(), priced.getCostUsd());
    }

    Sums plus(Sums o) {
      return new Sums(requests + o.requests, adjustments + o.adjustments, input + o.input, cached + o.cached,
          output + o.output, cost.add(o.cost));
    }

    String text() {
      return requests + "|" + adjustments + "|" + input + "|" + cached + "|" + output + "|" + cost.setScale(12).toPlainString();
    }
  }
}
