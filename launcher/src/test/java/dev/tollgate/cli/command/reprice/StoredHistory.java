package dev.tollgate.cli.command.reprice;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.CostCorrection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** A generated history as ClickHouse holds it, and what re-pricing it must leave. */
final class StoredHistory {
  private static final String KEYS = "tenant_id, team_id, user_id, feature, provider, model";

  private final ClickHouseHttp clickHouse;
  private final String database;

  StoredHistory(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.database = database;
  }

  /** A stored event: its scope, its call, and how it is priced ({@code entry}: the entry's model, date and figures). */
  record Event(String eventId, String tenant, String team, String user, String feature, String provider, String model,
               boolean adjustment, IndependentPricing.Call call, BigDecimal cost, BigDecimal baseline, String entry) {}

  List<Event> events() {
    Rows rows = clickHouse.query("SELECT event_id, toUnixTimestamp(occurred_at) AS t, tenant_id, team_id, user_id, feature,"
        + " provider, model, operation, input_tokens, cached_input_tokens, output_tokens, toString(audio_seconds) AS audio,"
        + " batch, baseline_model, baseline_input_tokens, baseline_output_tokens, toString(cost_usd) AS usd,"
        + " toString(baseline_cost_usd) AS baseline, concat(price_model, '|', toString(toUnixTimestamp(price_effective_from)),"
        + " '|', toString(price_input_per_mtok), '|', toString(price_output_per_mtok), '|',"
        + " ifNull(toString(price_cached_input_per_mtok), '-')) AS entry FROM " + database + ".usage_events FINAL");
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      IndependentPricing.Call call = new IndependentPricing.Call(rows.get(i, "event_id"),
          Instant.ofEpochSecond(Long.parseLong(rows.get(i, "t"))), rows.get(i, "provider"), rows.get(i, "model"),
          Long.parseLong(rows.get(i, "input_tokens")), Long.parseLong(rows.get(i, "cached_input_tokens")),
          Long.parseLong(rows.get(i, "output_tokens")), decimal(rows.get(i, "audio")), "1".equals(rows.get(i, "batch")),
          rows.get(i, "baseline_model"), number(rows.get(i, "baseline_input_tokens")),
          number(rows.get(i, "baseline_output_tokens")));
      events.add(new Event(rows.get(i, "event_id"), rows.get(i, "tenant_id"), rows.get(i, "team_id"), rows.get(i, "user_id"),
          rows.get(i, "feature"), rows.get(i, "provider"), rows.get(i, "model"), "adjustment".equals(rows.get(i, "operation")),
          call, new BigDecimal(rows.get(i, "usd")), decimal(rows.get(i, "baseline")),
          rows.get(i, "entry") == null ? "-" : rows.get(i, "entry")));
    }
    return events;
  }

  /** What the events must be after re-pricing the days from {@code from} to {@code to}, included. */
  record Expectation(long changed, BigDecimal delta, Map<String, String> costByTenantAndModel,
                     Map<String, BigDecimal> deltaByScope) {}

  static Expectation expect(List<Event> before, IndependentPricing corrected, String from, String to) {
    long changed = 0;
    BigDecimal delta = BigDecimal.ZERO;
    Map<String, BigDecimal[]> sums = new TreeMap<>();
    Map<String, BigDecimal> byScope = new TreeMap<>();
    for (Event e : before) {
      BigDecimal cost = e.cost();
      BigDecimal baseline = e.baseline();
      if (!e.adjustment() && inside(e, from, to)) {
        IndependentPricing.Priced now = corrected.price(e.call());
        boolean differs = now.cost().compareTo(e.cost()) != 0 || !Objects.equals(plain(now.baseline()), plain(e.baseline()))
            || !signature(now.entry()).equals(e.entry());
        changed += differs ? 1 : 0;
        BigDecimal d = now.cost().subtract(e.cost());
        delta = delta.add(d);
        if (d.signum() != 0) {
          byScope.merge(String.join("|", e.tenant(), e.team(), e.user(), e.feature()), d, BigDecimal::add);
        }
        cost = now.cost();
        baseline = now.baseline();
      }
      BigDecimal[] s = sums.computeIfAbsent(e.tenant() + "|" + e.provider() + "|" + e.model(),
          k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      s[0] = s[0].add(cost);
      s[1] = baseline == null ? s[1] : s[1].add(baseline);
    }
    Map<String, String> costs = new TreeMap<>();
    sums.forEach((k, s) -> costs.put(k, plain(s[0]) + "|" + plain(s[1])));
    byScope.values().removeIf(d -> d.signum() == 0);
    return new Expectation(changed, delta, costs, byScope);
  }

  Map<String, String> costByTenantAndModel(boolean finalRead) {
    Rows rows = clickHouse.query("SELECT concat(tenant_id, '|', provider, '|', model) AS k, toString(sum(cost_usd)) AS c,"
        + " toString(sum(baseline_cost_usd)) AS b FROM " + database + ".usage_events" + (finalRead ? " FINAL" : "") + " GROUP BY k");
    Map<String, String> out = new TreeMap<>();
    for (int i = 0; i < rows.size(); i++) {
      String b = rows.get(i, "b");
      out.put(rows.get(i, "k"), plain(new BigDecimal(rows.get(i, "c"))) + "|" + plain(b == null ? BigDecimal.ZERO : new BigDecimal(b)));
    }
    return out;
  }

  long plainRows() {
    return Long.parseLong(clickHouse.query("SELECT count() AS n FROM " + database + ".usage_events").get(0, "n"));
  }

  /** Requests, adjustments, tokens and cost per rollup key, from the raw table without FINAL. */
  Map<String, String> raw(String bucket) {
    return sums("SELECT toString(" + bucket + ") AS b, " + KEYS + ", countIf(operation != 'adjustment') AS r,"
        + " countIf(operation = 'adjustment') AS a, sum(input_tokens) AS it, sum(cached_input_tokens) AS ct,"
        + " sum(output_tokens) AS ot, toString(sum(cost_usd)) AS usd FROM " + database + ".usage_events GROUP BY b, " + KEYS);
  }

  Map<String, String> rollup(String table, String column) {
    return sums("SELECT toString(" + column + ") AS b, " + KEYS + ", sum(requests) AS r, sum(adjustments) AS a,"
        + " sum(input_tokens) AS it, sum(cached_input_tokens) AS ct, sum(output_tokens) AS ot, toString(sum(cost_usd)) AS usd"
        + " FROM " + database + "." + table + " GROUP BY b, " + KEYS);
  }

  /** Cost and baseline per event of the events outside the days from {@code from} to {@code to}. */
  Map<String, String> eventsOutside(String from, String to) {
    Map<String, String> out = new TreeMap<>();
    for (Event e : events()) {
      if (!inside(e, from, to)) {
        out.put(e.eventId(), plain(e.cost()) + "|" + plain(e.baseline()) + "|" + e.entry());
      }
    }
    return out;
  }

  static Map<String, String> outside(List<Event> events, String from, String to) {
    Map<String, String> out = new TreeMap<>();
    for (Event e : events) {
      if (!inside(e, from, to)) {
        out.put(e.eventId(), plain(e.cost()) + "|" + plain(e.baseline()) + "|" + e.entry());
      }
    }
    return out;
  }

  Map<String, String> audit(String runId) {
    Rows rows = clickHouse.query("SELECT status, events_scanned, events_changed, toString(delta_usd) AS delta_usd,"
        + " corrections FROM " + database + ".reprice_runs FINAL WHERE run_id = '" + runId + "'");
    Map<String, String> out = new HashMap<>();
    rows.columns().forEach(c -> out.put(c, rows.get(0, c)));
    return out;
  }

  Map<String, String> tables() {
    Map<String, String> out = new TreeMap<>();
    Rows names = clickHouse.query("SELECT name FROM system.tables WHERE database = '" + database + "' AND engine NOT LIKE '%View'");
    for (int i = 0; i < names.size(); i++) {
      String table = names.get(i, "name");
      out.put(table, clickHouse.query("SELECT count() AS n FROM " + database + "." + table).get(0, "n"));
    }
    return out;
  }

  /** The corrections on the topic, of one run (its reference) or of all when {@code runId} is null. */
  static List<CostCorrection> corrections(String bootstrap, String runId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<CostCorrection> out = new ArrayList<>();
    try (KafkaConsumer<String, CostCorrection> consumer = new KafkaConsumer<>(p,
        Topics.USAGE_CORRECTIONS.keySerde().deserializer(), Topics.USAGE_CORRECTIONS.valueSerde().deserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.USAGE_CORRECTIONS.name()).stream()
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, CostCorrection> r : consumer.poll(Duration.ofMillis(200))) {
          if (runId == null || r.value().getReference().equals(runId)) {
            out.add(r.value());
          }
        }
      }
    }
    return out;
  }

  static Map<String, BigDecimal> byScope(List<CostCorrection> corrections) {
    Map<String, BigDecimal> out = new TreeMap<>();
    for (CostCorrection c : corrections) {
      out.merge(String.join("|", c.getTenantId(), c.getTeamId() == null ? "" : c.getTeamId(), c.getUserId(), c.getFeature()),
          c.getDeltaUsd(), BigDecimal::add);
    }
    out.values().removeIf(d -> d.signum() == 0);
    return out;
  }

  private Map<String, String> sums(String sql) {
    Rows rows = clickHouse.query(sql);
    Map<String, String> out = new TreeMap<>();
    for (List<String> row : rows.rows()) {
      out.put(String.join("|", row.subList(0, 7)), String.join("|", row.subList(7, 13)));
    }
    return out;
  }

  /** An entry as {@link #events()} reads it from the price columns. */
  private static String signature(IndependentPricing.Price p) {
    return p == null ? "-" : String.join("|", p.model(), Long.toString(p.from().getEpochSecond()), money(p.in()), money(p.out()),
        p.cached() == null ? "-" : money(p.cached()));
  }

  private static String money(BigDecimal value) {
    return value.setScale(12).toPlainString();
  }

  private static boolean inside(Event e, String from, String to) {
    Instant start = LocalDate.parse(from).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant end = LocalDate.parse(to).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return !e.call().at().isBefore(start) && e.call().at().isBefore(end);
  }

  private static String plain(BigDecimal value) {
    return value == null ? "-" : value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal decimal(String text) {
    return text == null ? null : new BigDecimal(text);
  }

  private static Long number(String text) {
    return text == null ? null : Long.parseLong(text);
  }
}
