package dev.tollgate.ingest.gateway;

import static dev.tollgate.ingest.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.ingest.keys.IssuedKey;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/estimate and GET /v1/budgets/status over real HTTP, fed from the real broker's topics. */
class GatewayQueriesIT {
  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static GatewayFixture fixture;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() throws Exception {
    String bootstrap = TestStack.kafka().bootstrapServers();
    GatewayFixture.createTopics(bootstrap);
    fixture = GatewayFixture.start(bootstrap);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private HttpResponse<String> estimate(String key, String body) throws Exception {
    HttpResponse<String> response = fixture.post("/v1/estimate", key, body);
    CONTRACT.check("POST", "/v1/estimate", response);
    return response;
  }

  private HttpResponse<String> budgets(String key, String query) throws Exception {
    HttpResponse<String> response = fixture.get("/v1/budgets/status" + query, key);
    CONTRACT.check("GET", "/v1/budgets/status", response);
    return response;
  }

  @Test
  void shouldEstimateATokenCountWithThePriceEntryThatApplies() throws Exception {
    // given a model with an old and a current price
    IssuedKey key = fixture.key("acme");
    String model = "model-" + run;
    publish(price("it", model, "2024-01-01T00:00:00Z", "5.00", "20.00", null),
        price("it", model, "2025-01-01T00:00:00Z", "1.25", "10.00", "https://example.test/pricing"));
    String body = "{\"provider\":\"it\",\"model\":\"" + model + "\",\"input_tokens\":2000,\"max_output_tokens\":300}";

    // when
    HttpResponse<String> response = GatewayFixture.await(() -> estimate(key.key(), body),
        r -> r.statusCode() == 200 && json(r).get("price").get("effective_from").asText().startsWith("2025"));

    // then 2,000 × 1.25 / 1M + 300 × 10.00 / 1M
    JsonNode estimate = json(response);
    assertThat(estimate.get("cost_usd").asText()).isEqualTo("0.0055");
    assertThat(estimate.get("tokenizer").asText()).isEqualTo("given");
    assertThat(estimate.get("price").get("input_per_mtok").asText()).isEqualTo("1.25");
    assertThat(estimate.get("price").get("source").asText()).isEqualTo("https://example.test/pricing");
  }

  @Test
  void shouldCountThePromptOfAnOpenAiModel() throws Exception {
    // given
    IssuedKey key = fixture.key("acme");
    String model = "gpt-4o-" + run;
    publish(price("openai", model, "2024-05-13T00:00:00Z", "2.50", "10.00", null));
    String body = "{\"gen_ai.system\":\"openai\",\"gen_ai.request.model\":\"" + model + "\","
        + "\"prompt\":\"Summarise the attached quarterly report in three bullet points.\",\"gen_ai.request.max_tokens\":400}";

    // when
    HttpResponse<String> response = GatewayFixture.await(() -> estimate(key.key(), body), r -> r.statusCode() == 200);

    // then
    JsonNode estimate = json(response);
    long input = estimate.get("input_tokens").asLong();
    assertThat(input).isBetween(5L, 30L);
    assertThat(estimate.get("tokenizer").asText()).isEqualTo("o200k_base");
    assertThat(estimate.get("approximate").asBoolean()).isFalse();
    assertThat(new BigDecimal(estimate.get("cost_usd").asText()))
        .isEqualByComparingTo(new BigDecimal(input).multiply(new BigDecimal("2.50")).add(new BigDecimal("4000.00"))
            .movePointLeft(6));
  }

  @Test
  void shouldAnswer422ForAModelWithoutPriceAnd400ForABadRequest() throws Exception {
    // given
    IssuedKey key = fixture.key("acme");

    // when
    HttpResponse<String> unknown = estimate(key.key(),
        "{\"provider\":\"it\",\"model\":\"unpriced-" + run + "\",\"input_tokens\":1,\"max_output_tokens\":1}");
    HttpResponse<String> bad = estimate(key.key(), "{\"provider\":\"it\",\"model\":\"m\",\"input_tokens\":1}");

    // then
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(json(unknown).get("field").asText()).isEqualTo("model");
    assertThat(json(unknown).get("reason").asText()).contains("no price for it/unpriced-" + run);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("field").asText()).isEqualTo("max_output_tokens");
  }

  @Test
  void shouldServeTheTenantsBudgetsWithSpendLimitPercentAndState() throws Exception {
    // given two budgets of one tenant, one reported in a period that has ended, and one of another tenant
    String tenant = "t-" + run;
    IssuedKey key = fixture.key(tenant);
    Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    writeStatus(status(run + "-b", tenant, "day", today, today.plus(1, ChronoUnit.DAYS), "75", "100", "75", "warning"));
    writeStatus(status(run + "-a", tenant, "day", today.minus(2, ChronoUnit.DAYS), today.minus(1, ChronoUnit.DAYS),
        "120", "100", "120", "blocked"));
    writeStatus(status(run + "-c", "other-" + run, "day", today, today.plus(1, ChronoUnit.DAYS), "1", "100", "1", "ok"));

    // when
    HttpResponse<String> response = GatewayFixture.await(() -> budgets(key.key(), "?tenant_id=" + tenant),
        r -> json(r).get("budgets").size() == 2);

    // then
    JsonNode answer = json(response);
    assertThat(answer.get("tenant_id").asText()).isEqualTo(tenant);
    JsonNode ended = answer.get("budgets").get(0);
    assertThat(ended.get("budget_id").asText()).isEqualTo(run + "-a");
    assertThat(ended.get("spend_usd").asText()).isEqualTo("0");
    assertThat(ended.get("state").asText()).isEqualTo("ok");
    assertThat(ended.get("period_start").asText()).isEqualTo(today.toString());
    JsonNode running = answer.get("budgets").get(1);
    assertThat(running.get("spend_usd").asText()).isEqualTo("75");
    assertThat(running.get("limit_usd").asText()).isEqualTo("100");
    assertThat(running.get("percent").asText()).isEqualTo("75");
    assertThat(running.get("state").asText()).isEqualTo("warning");
    assertThat(running.get("scope").get("tenant_id").asText()).isEqualTo(tenant);
  }

  @Test
  void shouldShowAKeyItsOwnTenantOnly() throws Exception {
    // given
    IssuedKey key = fixture.key("lonely-" + run);

    // when
    HttpResponse<String> own = budgets(key.key(), "");
    HttpResponse<String> other = budgets(key.key(), "?tenant_id=acme");
    HttpResponse<String> anonymous = budgets(null, "?tenant_id=acme");

    // then
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(json(own).get("budgets")).isEmpty();
    assertThat(json(own).get("tenant_id").asText()).isEqualTo("lonely-" + run);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  private static PriceEntry price(String provider, String model, String from, String in, String out, String source) {
    return PriceEntry.newBuilder().setProvider(provider).setModel(model).setEffectiveFrom(Instant.parse(from))
        .setInputPerMtok(new BigDecimal(in).setScale(12)).setOutputPerMtok(new BigDecimal(out).setScale(12))
        .setSource(source).build();
  }

  private static void publish(PriceEntry... entries) throws Exception {
    try (KafkaProducer<String, PriceEntry> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        fixture.bootstrap), Topics.PRICES.keySerde().serializer(), Topics.PRICES.valueSerde().serializer())) {
      for (PriceEntry e : entries) {
        producer.send(new ProducerRecord<>(Topics.PRICES.name(), PriceKeys.of(e), e)).get();
      }
    }
  }

  private static BudgetStatus status(String budgetId, String tenant, String period, Instant start, Instant end, String spend,
      String limit, String percent, String state) {
    return BudgetStatus.newBuilder().setBudgetId(budgetId)
        .setScope(BudgetScope.newBuilder().setTenantId(tenant).build())
        .setPeriod(period).setTimezone("UTC").setPeriodStart(start).setPeriodEnd(end)
        .setSpendUsd(new BigDecimal(spend).setScale(12)).setLimitUsd(new BigDecimal(limit).setScale(12))
        .setPercent(new BigDecimal(percent).setScale(12)).setState(state).setEnforcement("hard")
        .setUpdatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
  }

  /** As the budget processor writes statuses: in a transaction. */
  private void writeStatus(BudgetStatus status) throws Exception {
    try (KafkaProducer<String, BudgetStatus> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, fixture.bootstrap,
        ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-gateway-status-" + UUID.randomUUID()),
        Topics.BUDGET_STATUS.keySerde().serializer(), Topics.BUDGET_STATUS.valueSerde().serializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(Topics.BUDGET_STATUS.name(), status.getBudgetId(), status)).get();
      producer.commitTransaction();
    }
  }
}
