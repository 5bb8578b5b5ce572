package dev.tollgate.cli.command.reprice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.command.CommandRunner;
import dev.tollgate.cli.kafka.PriceCatalogTopic;
import dev.tollgate.cli.kafka.TopicSetup;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.avro.CostCorrection;
import dev.tollgate.schemas.json.PriceCatalogJson;
import dev.tollgate.stack.testing.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code reprice} as a user runs it, on a month generated and priced with the shipped catalog, after
 * the catalog on Kafka was corrected: a new gemini-2.5-flash entry with an earlier effective date (its
 * calls were fallback-priced before it), a first price for claude-opus-4-1 (fallback-priced all month),
 * gpt-4o's output price corrected under the same key, and gpt-4o-mini's corrected, which is the
 * baseline of the local model's calls. The result is checked against {@link IndependentPricing}.
 */
class RepriceCommandIT {
  static final String CORRECTIONS = """
      [
        {"provider": "google", "model": "gemini-2.5-flash", "effective_from": "2025-06-10",
         "input_per_mtok": "0.30", "output_per_mtok": "2.50", "cached_input_per_mtok": "0.075", "batch_discount_pct": "50"},
        {"provider": "anthropic", "model": "claude-opus-4-1", "effective_from": "2025-06-01",
         "input_per_mtok": "16.00", "output_per_mtok": "80.00", "cached_input_per_mtok": "1.60", "batch_discount_pct": "50"},
        {"provider": "openai", "model": "gpt-4o", "effective_from": "2024-08-06",
         "input_per_mtok": "2.50", "output_per_mtok": "9.50", "cached_input_per_mtok": "1.25", "batch_discount_pct": "50"},
        {"provider": "openai", "model": "gpt-4o-mini", "effective_from": "2024-07-18",
         "input_per_mtok": "0.15", "output_per_mtok": "0.66", "cached_input_per_mtok": "0.075", "batch_discount_pct": "50"}
      ]""";
  static final String FROM = "2025-06-05";
  static final String TO = "2025-06-25";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ClickHouseHttp clickHouse;
  private static String shippedCatalog;
  private String database;
  private Settings settings;
  private StoredHistory stored;

  @BeforeAll
  static void correctTheCatalogOnKafka() throws Exception {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    String bootstrap = TestStack.kafka().bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicSetup.ensure(admin, 2);
    }
    shippedCatalog = Files.readString(repository().resolve("deploy/prices/catalog.json"));
    PriceCatalogTopic prices = new PriceCatalogTopic(bootstrap);
    prices.publish(PriceCatalogJson.parse(shippedCatalog).entries());
    prices.publish(PriceCatalogJson.parse(CORRECTIONS).entries());
  }

  @BeforeEach
  void generateAMonth() {
    database = "tollgate_it_reprice_" + UUID.randomUUID().toString().replace("-", "");
    Map<String, String> env = Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl(), Env.CLICKHOUSE_DATABASE, database,
        Env.KAFKA_BOOTSTRAP, TestStack.kafka().bootstrapServers(), Settings.HOME, repository().toString());
    settings = Settings.from(new Env(env));
    CommandRunner.Result generated = new CommandRunner(env).run("history", "generate", "--events", "20000", "--month",
        "2025-06", "--database", database, "--tenants", "3", "--users", "40", "--seed", "5");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    stored = new StoredHistory(clickHouse, database);
  }

  @AfterEach
  void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + database);
  }

  @Test
  void shouldRepriceTheRangeToWhatTheCorrectedCatalogGives() throws Exception {
    // given
    IndependentPricing original = new IndependentPricing(shippedCatalog);
    IndependentPricing corrected = new IndependentPricing(shippedCatalog, CORRECTIONS);
    List<StoredHistory.Event> before = stored.events();
    assertThat(before.stream().filter(e -> !e.adjustment())
        .filter(e -> e.cost().compareTo(original.price(e.call()).cost()) != 0).map(StoredHistory.Event::eventId))
        .as("calls the independent pricing prices otherwise than the history did with the shipped catalog").isEmpty();
    StoredHistory.Expectation expected = StoredHistory.expect(before, corrected, FROM, TO);
    long rows = stored.plainRows();

    // when
    Result run = reprice("--from", FROM, "--to", TO, "--format", "json");

    // then
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("reprice: 2025-06-05 scanned", "compensating the hourly and daily rollups");
    JsonNode report = JSON.readTree(run.out());
    JsonNode totals = report.get("totals").get(0);
    assertThat(totals.get("events_changed").asLong()).isEqualTo(expected.changed()).isPositive();
    assertThat(new BigDecimal(totals.get("delta_usd").asText())).isEqualByComparingTo(expected.delta());
    assertThat(stored.costByTenantAndModel(true)).isEqualTo(expected.costByTenantAndModel());
    assertThat(stored.costByTenantAndModel(false)).isEqualTo(expected.costByTenantAndModel());
    assertThat(stored.plainRows()).isEqualTo(rows);
    assertThat(stored.rollup("usage_hourly", "hour")).isEqualTo(stored.raw("toStartOfHour(occurred_at)"));
    assertThat(stored.rollup("usage_daily", "day")).isEqualTo(stored.raw("toDate(occurred_at)"));
    assertThat(stored.eventsOutside(FROM, TO)).isEqualTo(StoredHistory.outside(before, FROM, TO));
    String runId = report.get("run").asText();
    List<CostCorrection> corrections = StoredHistory.corrections(TestStack.kafka().bootstrapServers(), runId);
    assertThat(StoredHistory.byScope(corrections)).isEqualTo(expected.deltaByScope());
    assertThat(totals.get("corrections").asLong()).isEqualTo(corrections.size());
    Map<String, String> audit = stored.audit(runId);
    assertThat(audit).containsEntry("status", "done").containsEntry("events_changed", Long.toString(expected.changed()));
    assertThat(new BigDecimal(audit.get("delta_usd"))).isEqualByComparingTo(expected.delta());
    assertThat(report.get("by_model")).anySatisfy(m -> assertThat(m.get("model").asText()).isEqualTo("llama-3.1-8b-instruct"));
  }

  @Test
  void shouldChangeNothingWhenRunAgain() throws Exception {
    // given
    assertThat(reprice("--from", FROM, "--to", TO).exitCode()).isZero();
    Map<String, String> afterFirst = stored.costByTenantAndModel(true);
    long rows = stored.plainRows();

    // when
    Result second = reprice("--from", FROM, "--to", TO, "--format", "json");

    // then
    assertThat(second.exitCode()).as(second.err()).isZero();
    JsonNode report = JSON.readTree(second.out());
    assertThat(report.get("totals").get(0).get("events_changed").asLong()).isZero();
    assertThat(report.get("totals").get(0).get("events_scanned").asLong()).isPositive();
    assertThat(StoredHistory.corrections(TestStack.kafka().bootstrapServers(), report.get("run").asText())).isEmpty();
    assertThat(stored.costByTenantAndModel(true)).isEqualTo(afterFirst);
    assertThat(stored.plainRows()).isEqualTo(rows);
  }

  @Test
  void shouldShowWhatWouldChangeOnADryRunAndWriteNothing() throws Exception {
    // given
    Map<String, String> tables = stored.tables();
    Map<String, String> costs = stored.costByTenantAndModel(true);
    long corrections = StoredHistory.corrections(TestStack.kafka().bootstrapServers(), null).size();

    // when
    Result dry = reprice("--from", FROM, "--to", TO, "--dry-run");

    // then
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("mode dry run, nothing written", "Changed events by model", "claude-opus-4-1",
        "Price entries replaced");
    assertThat(stored.tables()).isEqualTo(tables);
    assertThat(stored.costByTenantAndModel(true)).isEqualTo(costs);
    assertThat(StoredHistory.corrections(TestStack.kafka().bootstrapServers(), null)).hasSize((int) corrections);
  }

  @Test
  void shouldRefuseADateItCannotReadNamingTheOption() {
    // when
    Result run = reprice("--from", "2025-06-31");

    // then
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--from must be a date");
  }

  record Result(int exitCode, String out, String err) {}

  private Result reprice(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = new CommandLine(new RepriceCommand(settings)).execute(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    Result result = new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    out.println("$ tollgate reprice " + String.join(" ", args) + "  (exit " + code + ")\n" + result.out() + result.err());
    return result;
  }

  private static Path repository() {
    return Path.of("").toAbsolutePath().getParent();
  }
}
