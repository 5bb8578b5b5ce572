package dev.tollgate.cli.command.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.Tollgate;
import dev.tollgate.cli.kafka.PriceCatalogTopic;
import dev.tollgate.cli.kafka.TopicSetup;
import dev.tollgate.config.Env;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.json.PriceCatalogJson;
import dev.tollgate.stack.testing.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code recommend} as a user runs it, on a month of round numbers in the real ClickHouse, priced
 * with the shipped catalog file when Kafka cannot be reached and with the live catalog when it can.
 */
class RecommendCommandIT {
  private static final String DATABASE = "tollgate_it_recommend_cmd_" + UUID.randomUUID().toString().replace("-", "");
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static ClickHouseHttp clickHouse;

  @BeforeAll
  static void loadMonth() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    Schema.apply(clickHouse, DATABASE);
    RecommendFixture.insert(clickHouse, DATABASE);
  }

  @AfterAll
  static void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  private record Result(int exitCode, String out, String err) {}

  private static Result run(String kafka, String... args) {
    Settings settings = Settings.from(new Env(Map.of(Env.CLICKHOUSE_URL, TestStack.clickHouse().httpUrl(),
        Env.CLICKHOUSE_DATABASE, DATABASE, Env.KAFKA_BOOTSTRAP, kafka, Settings.HOME, ROOT.toString())));
    CommandLine tollgate = Tollgate.commandLine(settings);
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = tollgate.execute(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    Result result = new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    out.println("$ tollgate " + String.join(" ", args) + "  (exit " + code + ")\n" + result.out() + result.err());
    return result;
  }

  private static Result offline(String... args) {
    return run("127.0.0.1:1", args);
  }

  private static JsonNode json(Result result) throws Exception {
    assertThat(result.exitCode()).as(result.err()).isZero();
    return JSON.readTree(result.out());
  }

  @Test
  void shouldPrintTheSwitchWithItsExactSavingAndEvidenceAsJson() throws Exception {
    // when
    Result result = offline("recommend", "--at", "2026-11-01", "--format", "json");

    // then 10,000 calls x (500 x (2.50 - 0.15) + 100 x (10.00 - 0.60)) / 1M, of 10,000 x (500 x 2.5 + 100 x 10) / 1M
    JsonNode report = json(result);
    assertThat(report.get("from").asText()).isEqualTo("2026-10-02T00:00:00Z");
    assertThat(report.get("prices").asText()).startsWith("file ").endsWith("catalog.json");
    assertThat(result.err()).contains("Kafka at 127.0.0.1:1 cannot be reached: pricing with the catalog file");
    JsonNode recommendations = report.get("recommendations");
    assertThat(recommendations).hasSize(1);
    JsonNode switchModel = recommendations.get(0);
    assertThat(switchModel.get("kind").asText()).isEqualTo("switch_model");
    assertThat(switchModel.get("feature").asText()).isEqualTo("ticket-triage");
    assertThat(switchModel.get("to_model").asText()).isEqualTo("gpt-4o-mini");
    assertThat(switchModel.get("monthly_saving_usd").asText()).isEqualTo("21.15");
    assertThat(switchModel.get("saving_pct").asText()).isEqualTo("94");
    assertThat(switchModel.get("monthly_spend_usd").asText()).isEqualTo("22.5");
    assertThat(switchModel.get("evidence").get("calls").asLong()).isEqualTo(10_000);
    assertThat(switchModel.get("evidence").get("avg_output_tokens").asText()).isEqualTo("100");
    assertThat(switchModel.get("action").asText()).contains("gpt-4o-mini");
    assertThat(report.get("hidden").asInt()).isEqualTo(1);
  }

  @Test
  void shouldShowTheSmallerCacheSavingBelowALowerFloor() throws Exception {
    // when
    JsonNode report = json(offline("recommend", "--at", "2026-11-01", "--tenant", RecommendFixture.TENANT,
        "--min-saving-usd", "5", "--format", "json"));

    // then 990 repeat calls: 2,000 input tokens each at 3.00 - 0.30, or whole at 2,000 x 3 + 300 x 15
    JsonNode recommendations = report.get("recommendations");
    assertThat(recommendations).hasSize(2);
    JsonNode cache = recommendations.get(1);
    assertThat(cache.get("kind").asText()).isEqualTo("cache");
    assertThat(cache.get("monthly_saving_usd").asText()).isEqualTo("5.346");
    assertThat(cache.get("evidence").get("repeat_calls").asLong()).isEqualTo(990);
    assertThat(cache.get("evidence").get("repeated_prompts").asLong()).isEqualTo(10);
    assertThat(cache.get("evidence").get("response_cache_saving_usd").asText()).isEqualTo("10.395");
    assertThat(report.get("hidden").asInt()).isZero();
  }

  @Test
  void shouldPriceWithTheLiveCatalogWhenKafkaAnswers() throws Exception {
    // given the shipped catalog on the price topic, with gpt-4o-mini at twice its price
    String bootstrap = TestStack.kafka().bootstrapServers();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      TopicSetup.ensure(admin, 1);
    }
    List<PriceEntry> catalog = new ArrayList<>(PriceCatalogJson.parse(Files.readString(ROOT.resolve("deploy/prices/catalog.json"))).entries());
    catalog.replaceAll(e -> e.getModel().equals("gpt-4o-mini")
        ? PriceEntry.newBuilder(e).setInputPerMtok(e.getInputPerMtok().multiply(BigDecimal.valueOf(2)))
            .setOutputPerMtok(e.getOutputPerMtok().multiply(BigDecimal.valueOf(2))).build()
        : e);
    new PriceCatalogTopic(bootstrap).publish(catalog);

    // when
    Result result = run(bootstrap, "recommend", "--at", "2026-11-01", "--format", "json");

    // then 10,000 x (500 x (2.50 - 0.30) + 100 x (10.00 - 1.20)) / 1M
    JsonNode report = json(result);
    assertThat(report.get("prices").asText()).isEqualTo("kafka " + bootstrap);
    assertThat(result.err()).doesNotContain("catalog file");
    assertThat(report.get("recommendations").get(0).get("monthly_saving_usd").asText()).isEqualTo("19.8");
  }

  @Test
  void shouldPrintATableWithTheActionAndEvidenceOfEach() {
    // when
    Result result = offline("recommend", "--at", "2026-11-01", "--min-saving-usd", "5");

    // then
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("report recommend · from 2026-10-02T00:00:00Z · to 2026-11-01T00:00:00Z · tenant all")
        .contains("1. switch model · acme · ticket-triage · openai/gpt-4o -> gpt-4o-mini")
        .contains("saves 21.15 USD a month, 94% of the 22.50 USD it touches")
        .contains("2. cache · acme · faq · anthropic/claude-sonnet-4")
        .contains("evidence: rule=calls repeating a prompt_hash already sent in the window · calls=1000");
  }

  @Test
  void shouldWriteOneCsvLinePerRecommendationWithItsEvidence() {
    // when
    Result result = offline("recommend", "--at", "2026-11-01", "--min-saving-usd", "5", "--format", "csv");

    // then
    List<String> lines = result.out().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("rank,kind,tenant,feature,provider,model,to_model,monthly_saving_usd,saving_pct,"
        + "monthly_spend_usd,action,evidence");
    assertThat(lines.get(1)).startsWith("1,switch_model,acme,ticket-triage,openai,gpt-4o,gpt-4o-mini,21.15,94,22.5,");
    assertThat(lines.get(2)).startsWith("2,cache,acme,faq,anthropic,claude-sonnet-4,-,5.346,");
  }

  @Test
  void shouldRefuseBadOptionsNamingThem() {
    // when
    Result noDays = offline("recommend", "--days", "0");
    Result badAt = offline("recommend", "--at", "yesterday");
    Result badTrim = offline("recommend", "--trim-pct", "150");
    Result badFormat = offline("recommend", "--format", "xml");

    // then
    assertThat(noDays.exitCode()).isEqualTo(2);
    assertThat(noDays.err()).contains("--days must be between 1 and 366, got 0");
    assertThat(badAt.err()).contains("--at must be a date");
    assertThat(badTrim.err()).contains("--trim-pct must be more than 0 and at most 100, got 150");
    assertThat(badFormat.err()).contains("--format must be table, csv or json");
  }

  @Test
  void shouldFindNothingForATenantWithoutHistory() throws Exception {
    // when
    JsonNode report = json(offline("recommend", "--at", "2026-11-01", "--tenant", "nobody", "--format", "json"));

    // then
    assertThat(report.get("recommendations")).isEmpty();
    assertThat(report.get("hidden").asInt()).isZero();
  }
}
