package dev.tollgate.cli.command.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.command.CommandRunner;
import dev.tollgate.config.Env;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} and {@code billing export} as a user runs them, on a generated month in the real
 * ClickHouse. What they print is checked against the raw table read with FINAL, a path that shares
 * nothing with the rollups the reports read.
 */
class ReportCommandIT {
  private static final String DATABASE = "tollgate_it_report_" + UUID.randomUUID().toString().replace("-", "");
  private static final String MONTH = "2026-10";
  private static final String RANGE = "occurred_at >= toDateTime('2026-10-01 00:00:00', 'UTC')"
      + " AND occurred_at < toDateTime('2026-11-01 00:00:00', 'UTC')";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ClickHouseHttp clickHouse;
  private static CommandRunner tollgate;

  @BeforeAll
  static void generateAMonth() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    tollgate = new CommandRunner(Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl(),
        Env.CLICKHOUSE_DATABASE, DATABASE, Env.KAFKA_BOOTSTRAP, "127.0.0.1:1",
        Settings.HOME, Path.of("").toAbsolutePath().getParent().toString()));
    CommandRunner.Result generated = tollgate.run("history", "generate", "--events", "40000", "--month", MONTH,
        "--database", DATABASE, "--tenants", "4", "--users", "60", "--seed", "11");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
  }

  @AfterAll
  static void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  @Test
  void shouldPrintTheMonthAsTheRawEventsAddUp() throws Exception {
    // when
    JsonNode report = json(tollgate.run("report", "monthly", "--month", MONTH, "--format", "json"));

    // then
    Rows raw = raw("SELECT countIf(operation != 'adjustment') AS calls, toString(sumIf(cost_usd, operation != 'adjustment')) AS usd,"
        + " toString(sumIf(cost_usd, operation = 'adjustment')) AS adj, toString(sum(cost_usd)) AS net, sum(input_tokens) AS it"
        + " FROM " + DATABASE + ".usage_events FINAL WHERE " + RANGE);
    JsonNode totals = report.get("totals").get(0);
    assertThat(totals.get("requests").asLong()).isEqualTo(Long.parseLong(raw.get(0, "calls")));
    assertThat(decimal(totals, "calls_spend_usd")).isEqualByComparingTo(raw.get(0, "usd"));
    assertThat(decimal(totals, "adjustments_usd")).isEqualByComparingTo(raw.get(0, "adj")).isNegative();
    assertThat(decimal(totals, "net_spend_usd")).isEqualByComparingTo(raw.get(0, "net"));
    assertThat(totals.get("input_tokens").asLong()).isEqualTo(Long.parseLong(raw.get(0, "it")));
    assertThat(byKey(report.get("by_model"), "provider", "model")).isEqualTo(rawBy("provider, model"));
    assertThat(byKey(report.get("by_team"), "tenant", "team")).isEqualTo(rawBy("tenant_id, team_id"));
    assertThat(report.get("adjustments")).isNotEmpty();
    assertThat(report.has("budgets")).as("a past month has no budget section").isFalse();
  }

  @Test
  void shouldReportWhatLocalModelsSavedAgainstTheirBaselineAsTheRawEventsAddUp() throws Exception {
    // when
    JsonNode report = json(tollgate.run("report", "savings", "--month", MONTH, "--format", "json"));

    // then: the generated month runs some calls on local models that name the model they replaced
    Rows raw = raw("SELECT count() AS calls, toString(sum(cost_usd)) AS actual,"
        + " toString(sum(assumeNotNull(baseline_cost_usd))) AS baseline FROM " + DATABASE + ".usage_events FINAL"
        + " WHERE isNotNull(baseline_cost_usd) AND " + RANGE);
    JsonNode total = report.get("total").get(0);
    assertThat(total.get("calls").asLong()).isEqualTo(Long.parseLong(raw.get(0, "calls"))).isPositive();
    assertThat(decimal(total, "actual_usd")).isEqualByComparingTo(raw.get(0, "actual"));
    assertThat(decimal(total, "baseline_usd")).isEqualByComparingTo(raw.get(0, "baseline"));
    assertThat(decimal(total, "saving_usd")).isPositive();
    assertThat(report.get("by_optimization").get(0).get("optimization").asText()).isEqualTo("model-switch");
  }

  @Test
  void shouldBreakDownByUserAsTheRawEventsDo() throws Exception {
    // when
    JsonNode byUser = json(tollgate.run("report", "by", "--dimension", "user", "--from", "2026-10-01", "--to", "2026-10-31",
        "--format", "json"));

    // then
    assertThat(byKey(byUser.get("lines"), "tenant", "user")).isEqualTo(rawBy("tenant_id, user_id"));
  }

  @Test
  void shouldExportInvoicesThatReconcileWithTheMonthlyReportPerTenant() throws Exception {
    // given
    List<String> tenants = raw("SELECT DISTINCT tenant_id AS t FROM " + DATABASE + ".usage_daily ORDER BY t").rows()
        .stream().map(r -> r.get(0)).toList();

    // when
    JsonNode export = json(tollgate.run("billing", "export", "--month", MONTH, "--format", "json", "--markup-pct", "10"));

    // then
    assertThat(export.get("totals")).hasSize(tenants.size());
    for (JsonNode invoice : export.get("totals")) {
      String tenant = invoice.get("tenant").textValue();
      JsonNode monthly = json(tollgate.run("report", "monthly", "--month", MONTH, "--tenant", tenant, "--format", "json"));
      assertThat(decimal(invoice, "cost_usd")).as(tenant).isEqualByComparingTo(decimal(monthly.get("totals").get(0), "net_spend_usd"));
      assertThat(invoice.get("requests").asLong()).isEqualTo(monthly.get("totals").get(0).get("requests").asLong());
      BigDecimal lines = BigDecimal.ZERO;
      for (JsonNode line : export.get("lines")) {
        if (line.get("tenant").textValue().equals(tenant)) {
          lines = lines.add(decimal(line, "amount_usd"));
        }
      }
      assertThat(decimal(invoice, "amount_usd")).isEqualByComparingTo(lines);
    }
  }

  @Test
  void shouldWriteCsvThatSpreadsheetsRead() {
    // when
    CommandRunner.Result csv = tollgate.run("billing", "export", "--month", MONTH, "--format", "csv", "--per", "feature");

    // then
    List<String> lines = csv.lines();
    assertThat(lines.get(0)).startsWith("section,tenant,month,kind,item,requests");
    assertThat(lines).anyMatch(l -> l.startsWith("lines,") && l.contains(",adjustment,"));
    assertThat(lines).anyMatch(l -> l.startsWith("totals,"));
    int columns = lines.get(0).split(",", -1).length;
    assertThat(lines.stream().filter(l -> !l.contains("\"")))
        .allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(columns));
  }

  @Test
  void shouldDrawTrendsAsPngAndBreakdownsAsHtml(@TempDir Path dir) throws Exception {
    // when
    CommandRunner.Result trend = tollgate.run("report", "trend", "--from", "2026-10-01", "--to", "2026-10-31",
        "--chart", dir.resolve("trend.png").toString());
    CommandRunner.Result byModel = tollgate.run("report", "by", "--dimension", "model", "--from", "2026-10-01",
        "--to", "2026-10-31", "--chart", dir.resolve("models.html").toString());

    // then
    assertThat(trend.exitCode()).isZero();
    assertThat(trend.lines()).filteredOn(l -> l.startsWith("2026-10-")).hasSize(31);
    assertThat(ImageIO.read(dir.resolve("trend.png").toFile())).isNotNull();
    assertThat(byModel.exitCode()).isZero();
    assertThat(Files.readString(dir.resolve("models.html"))).contains("<svg").doesNotContain("http://", "https://");
  }

  @Test
  void shouldBreakARequestIntoCostPartsAndRankPrompts() throws Exception {
    // given
    String requestId = raw("SELECT request_id AS r FROM " + DATABASE + ".usage_events WHERE request_id != ''"
        + " AND operation = 'chat' ORDER BY cost_usd DESC LIMIT 1").get(0, "r");

    // when
    JsonNode request = json(tollgate.run("report", "request", requestId, "--format", "json"));
    JsonNode prompts = json(tollgate.run("report", "top-prompts", "--month", MONTH, "--limit", "5", "--format", "json"));
    CommandRunner.Result missing = tollgate.run("report", "request", "no-such-request");

    // then
    for (JsonNode parts : request.get("cost_parts")) {
      BigDecimal sum = decimal(parts, "uncached_input_usd").add(decimal(parts, "cached_input_usd"))
          .add(decimal(parts, "output_usd")).add(decimal(parts, "audio_usd")).add(decimal(parts, "batch_discount_usd"));
      assertThat(sum).isEqualByComparingTo(decimal(parts, "cost_usd"));
    }
    assertThat(decimal(request.get("total").get(0), "cost_usd")).isEqualByComparingTo(raw("SELECT toString(sum(cost_usd)) AS c FROM "
        + DATABASE + ".usage_events FINAL WHERE request_id = '" + requestId + "'").get(0, "c"));
    assertThat(prompts.get("prompts")).hasSize(5);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("no event has request_id or event_id no-such-request");
  }

  @Test
  void shouldNameTheOptionThatIsWrong() {
    // when
    CommandRunner.Result badDimension = tollgate.run("report", "by", "--dimension", "colour");
    CommandRunner.Result badMonth = tollgate.run("report", "monthly", "--month", "October");
    CommandRunner.Result badMarkup = tollgate.run("billing", "export", "--month", MONTH, "--markup-pct", "-5");

    // then
    assertThat(badDimension.exitCode()).isEqualTo(2);
    assertThat(badDimension.err()).contains("--dimension must be one of");
    assertThat(badMonth.err()).contains("--month must be a month such as 2026-11, got \"October\"");
    assertThat(badMarkup.err()).contains("--markup-pct must not be negative");
  }

  private static Map<List<String>, BigDecimal> rawBy(String key) {
    Rows rows = raw("SELECT " + key + ", toString(sum(cost_usd)) AS usd FROM " + DATABASE + ".usage_events FINAL WHERE "
        + RANGE + " AND operation != 'adjustment' GROUP BY " + key);
    Map<List<String>, BigDecimal> out = new HashMap<>();
    for (List<String> row : rows.rows()) {
      out.put(row.subList(0, row.size() - 1), new BigDecimal(row.get(row.size() - 1)).stripTrailingZeros());
    }
    return out;
  }

  private static Map<List<String>, BigDecimal> byKey(JsonNode lines, String... key) {
    Map<List<String>, BigDecimal> out = new HashMap<>();
    for (JsonNode line : lines) {
      List<String> k = java.util.Arrays.stream(key).map(c -> line.get(c).textValue()).toList();
      out.put(k, decimal(line, "spend_usd").stripTrailingZeros());
    }
    return out;
  }

  private static Rows raw(String sql) {
    return clickHouse.query(sql);
  }

  private static BigDecimal decimal(JsonNode node, String field) {
    return new BigDecimal(node.get(field).asText());
  }

  private static JsonNode json(CommandRunner.Result result) throws Exception {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return JSON.readTree(result.out());
  }
}
