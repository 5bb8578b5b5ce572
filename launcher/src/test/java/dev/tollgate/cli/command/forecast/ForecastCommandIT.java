package dev.tollgate.cli.command.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.cli.kafka.BudgetTopics;
import dev.tollgate.cli.kafka.TopicSetup;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code forecast} on a known hourly series in the real ClickHouse: two events an hour (at :10 and :40)
 * for two tenants and two teams through September and October 2026, and credits. Spend so far must
 * be the exact sum of the events, also where a period starts on the half hour (India) and the forecast's
 * now lies inside an hour.
 */
class ForecastCommandIT {
  private static final String DATABASE = "tollgate_it_forecast_" + UUID.randomUUID().toString().replace("-", "");
  private static final Instant FIRST = Instant.parse("2026-09-01T00:00:00Z");
  private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  private static final String AT = "2026-10-21T15:30:00Z";
  private static final DateTimeFormatter CLICKHOUSE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<Event> EVENTS = new ArrayList<>();
  private static ClickHouseHttp clickHouse;
  private static ForecastRunner tollgate;

  private record Event(String id, Instant at, String tenant, String team, String operation, BigDecimal cost) {}

  @BeforeAll
  static void writeTheSeries() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    Schema.apply(clickHouse, DATABASE);
    int n = 0;
    for (Instant hour = FIRST; hour.isBefore(END); hour = hour.plusSeconds(3600)) {
      int h = hour.atZone(ZoneOffset.UTC).getHour();
      for (String tenant : List.of("acme", "globex")) {
        EVENTS.add(new Event("e" + n++, hour.plusSeconds(600), tenant, "search", "chat",
            new BigDecimal("0.25").add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(h))).add(new BigDecimal("0.000000000001"))));
        EVENTS.add(new Event("e" + n++, hour.plusSeconds(2400), tenant, h % 2 == 0 ? "search" : "labs", "chat", new BigDecimal("0.125")));
      }
    }
    EVENTS.add(new Event("credit-1", Instant.parse("2026-10-21T02:00:00Z"), "acme", "search", "adjustment", new BigDecimal("-5.5")));
    EVENTS.add(new Event("credit-2", Instant.parse("2026-10-05T09:00:00Z"), "acme", "search", "adjustment", new BigDecimal("-2")));
    StringBuilder insert = new StringBuilder("INSERT INTO " + DATABASE
        + ".usage_events (event_id, occurred_at, tenant_id, team_id, user_id, feature, provider, model, operation, cost_usd) VALUES ");
    for (int i = 0; i < EVENTS.size(); i++) {
      Event e = EVENTS.get(i);
      insert.append(i == 0 ? "" : ",").append("('").append(e.id()).append("', toDateTime('")
          .append(CLICKHOUSE_TIME.format(LocalDateTime.ofInstant(e.at(), ZoneOffset.UTC))).append("', 'UTC'), '").append(e.tenant())
          .append("', '").append(e.team()).append("', 'u1', 'chat', 'openai', 'gpt-4o', '").append(e.operation()).append("', ")
          .append(e.cost().toPlainString()).append(")");
    }
    clickHouse.execute(insert.toString());
    tollgate = new ForecastRunner(Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl(), Env.CLICKHOUSE_DATABASE, DATABASE,
        Env.KAFKA_BOOTSTRAP, "127.0.0.1:1"));
  }

  @AfterAll
  static void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  @Test
  void shouldStartFromTheExactSpendSoFarOfEachPeriodAndProjectConsistently() throws Exception {
    // when
    ForecastRunner.Result result = tollgate.run("forecast", "--tenant", "acme", "--scope", "team:search", "--at", AT,
        "--timezone", "Asia/Kolkata", "--weeks", "6", "--format", "json");

    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("scope").asText()).isEqualTo("tenant acme, team search");
    assertThat(report.get("timezone").asText()).isEqualTo("Asia/Kolkata");
    JsonNode horizons = report.get("horizons");
    assertThat(horizons).hasSize(3);
    assertThat(horizons.get(0).get("period_start").asText()).isEqualTo("2026-10-20T18:30:00Z");
    assertThat(horizons.get(1).get("period_start").asText()).isEqualTo("2026-10-18T18:30:00Z");
    assertThat(horizons.get(2).get("period_start").asText()).isEqualTo("2026-09-30T18:30:00Z");
    for (JsonNode h : horizons) {
      Instant start = Instant.parse(h.get("period_start").asText());
      Instant end = Instant.parse(h.get("period_end").asText());
      BigDecimal spent = decimal(h, "spent_usd");
      assertThat(spent).as(h.get("horizon").asText()).isEqualByComparingTo(sum(start, Instant.parse(AT)));
      assertThat(spent).isEqualByComparingTo(rawSum(start, Instant.parse(AT)));
      assertThat(decimal(h, "projected_usd")).isEqualByComparingTo(spent.add(decimal(h, "rest_usd")));
      assertThat(decimal(h, "low_usd")).isLessThanOrEqualTo(decimal(h, "projected_usd"));
      assertThat(decimal(h, "high_usd")).isGreaterThanOrEqualTo(decimal(h, "projected_usd"));
      assertThat(decimal(h, "actual_usd")).isEqualByComparingTo(sum(start, end));
    }
    JsonNode pattern = report.get("pattern").get(0);
    assertThat(pattern.get("pattern").asText()).isIn("steady", "seasonal");
    assertThat(pattern.get("days").asInt()).isEqualTo(42);
  }

  @Test
  void shouldForecastTheRestOfARegularSeriesCloseToWhatFollowed() throws Exception {
    // when
    JsonNode report = JSON.readTree(tollgate.run("forecast", "--tenant", "globex", "--at", "2026-10-21T15:00:00Z", "--format", "json").out());

    // then every day repeats the one before, so what is to come is forecast to the cent
    for (JsonNode h : report.get("horizons")) {
      BigDecimal actual = decimal(h, "actual_usd");
      assertThat(decimal(h, "projected_usd").subtract(actual).abs()).as(h.get("horizon").asText())
          .isLessThanOrEqualTo(new BigDecimal("0.01"));
    }
  }

  @Test
  void shouldNameTheOptionThatIsWrong() {
    // when
    ForecastRunner.Result scope = tollgate.run("forecast", "--scope", "colour:red");
    ForecastRunner.Result at = tollgate.run("forecast", "--at", "yesterday");
    ForecastRunner.Result confidence = tollgate.run("forecast", "--confidence", "120");
    ForecastRunner.Result zone = tollgate.run("forecast", "--timezone", "Mars/Olympus");
    ForecastRunner.Result weeks = tollgate.run("forecast", "--weeks", "0");

    // then
    assertThat(List.of(scope, at, confidence, zone, weeks)).allSatisfy(r -> assertThat(r.exitCode()).isEqualTo(2));
    assertThat(scope.err()).contains("--scope must be team:X, user:U, feature:F, model:M");
    assertThat(at.err()).contains("--at must be an instant such as 2026-10-20T15:30:00Z or a date");
    assertThat(confidence.err()).contains("--confidence must be a percentage from 50 to 99");
    assertThat(zone.err()).contains("--timezone must be a time zone such as UTC or Europe/Berlin");
    assertThat(weeks.err()).contains("--weeks must be between 1 and 104, got 0");
  }

  @Test
  void shouldSayWhenKafkaCannotBeReachedForABudget() {
    // when
    ForecastRunner.Result result = tollgate.run("forecast", "--scope", "budget:acme-monthly");

    // then
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("cannot read budget acme-monthly: Kafka at 127.0.0.1:1");
  }

  @Test
  void shouldForecastABudgetInItsPeriodAndZoneAgainstItsLimit() throws Exception {
    // given a monthly budget of the search team in Berlin, read from the real broker
    String bootstrap = TestStack.kafka().bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicSetup.ensure(admin, 1);
    }
    new BudgetTopics(bootstrap).publish(List.of(Budget.newBuilder().setBudgetId("acme-search")
        .setScope(BudgetScope.newBuilder().setTenantId("acme").setTeamId("search").build()).setPeriod("month")
        .setTimezone("Europe/Berlin").setLimitUsd(new BigDecimal("250.000000000000")).setThresholdsPct(List.of())
        .setEnforcement("soft").setAppliedAt(Instant.parse("2026-09-01T00:00:00Z")).build()));
    ForecastRunner withKafka = new ForecastRunner(Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl(),
        Env.CLICKHOUSE_DATABASE, DATABASE, Env.KAFKA_BOOTSTRAP, bootstrap));

    // when
    ForecastRunner.Result result = withKafka.run("forecast", "--scope", "budget:acme-search", "--at", AT, "--format", "json");

    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode report = JSON.readTree(result.out());
    assertThat(report.get("budget").asText()).isEqualTo("acme-search");
    assertThat(report.get("timezone").asText()).isEqualTo("Europe/Berlin");
    JsonNode month = report.get("horizons").get(2);
    assertThat(month.get("period_start").asText()).isEqualTo("2026-09-30T22:00:00Z");
    assertThat(decimal(month, "spent_usd")).isEqualByComparingTo(sum(Instant.parse("2026-09-30T22:00:00Z"), Instant.parse(AT)));
    assertThat(decimal(month, "limit_usd")).isEqualByComparingTo("250");
    assertThat(month.get("budget_state").asText()).isEqualTo("will cross");
    assertThat(report.get("horizons").get(0).get("limit_usd").isNull()).isTrue();
  }

  /** What the events of acme's search team cost in [from, to), adjustments included, summed here. */
  private static BigDecimal sum(Instant from, Instant to) {
    return EVENTS.stream().filter(e -> e.tenant().equals("acme") && e.team().equals("search"))
        .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).map(Event::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal rawSum(Instant from, Instant to) {
    return new BigDecimal(clickHouse.query("SELECT toString(sum(cost_usd)) AS usd FROM " + DATABASE + ".usage_events FINAL"
        + " WHERE tenant_id = 'acme' AND team_id = 'search' AND occurred_at >= toDateTime('" + time(from) + "', 'UTC')"
        + " AND occurred_at < toDateTime('" + time(to) + "', 'UTC')").get(0, "usd"));
  }

  private static String time(Instant at) {
    return CLICKHOUSE_TIME.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
  }

  private static BigDecimal decimal(JsonNode row, String column) {
    return new BigDecimal(row.get(column).asText());
  }
}
