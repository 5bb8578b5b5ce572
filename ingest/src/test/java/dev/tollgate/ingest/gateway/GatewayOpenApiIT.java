package dev.tollgate.ingest.gateway;

import static dev.tollgate.ingest.gateway.GatewayFixture.batch;
import static dev.tollgate.ingest.gateway.GatewayFixture.event;
import static dev.tollgate.ingest.gateway.GatewayFixture.ids;
import static dev.tollgate.ingest.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.ingest.gateway.internal.OpsEndpoints;
import dev.tollgate.ingest.keys.IssuedKey;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.stack.testing.TestStack;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The OpenAPI document against the running server: every operation and status it documents is
 * produced here, and every answer must match the documented status, headers and body schema.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayOpenApiIT {
  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static GatewayFixture fixture;
  private static GatewayFixture withoutKafka;
  private static IssuedKey key;

  @BeforeAll
  static void start() throws Exception {
    String bootstrap = TestStack.kafka().bootstrapServers();
    GatewayFixture.createTopics(bootstrap);
    // One event request in flight at a time, so that a request held open makes the next one 429.
    fixture = new GatewayFixture(bootstrap, GatewayConfig.defaults(bootstrap).withPort(0)
        .withLimits(GatewayConfig.DEFAULT_MAX_BATCH, GatewayConfig.DEFAULT_MAX_BODY_BYTES, 1,
            GatewayConfig.DEFAULT_MAX_IN_FLIGHT_BYTES));
    withoutKafka = GatewayFixture.withoutKafka();
    key = fixture.key("openapi-" + RUN);
  }

  @AfterAll
  static void stop() {
    fixture.close();
    withoutKafka.close();
  }

  private static HttpResponse<String> post(GatewayFixture on, String path, String apiKey, String body) throws Exception {
    HttpResponse<String> response = on.post(path, apiKey, body);
    CONTRACT.check("POST", path, response);
    return response;
  }

  private static HttpResponse<String> get(GatewayFixture on, String path, String query, String apiKey) throws Exception {
    HttpResponse<String> response = on.get(path + query, apiKey);
    CONTRACT.check("GET", path, response);
    return response;
  }

  @Test
  @Order(1)
  void shouldAnswerEventsAsDocumented() throws Exception {
    // given
    String valid = batch(ids("openapi-" + RUN, 3));

    // when / then
    assertThat(post(fixture, "/v1/events", key.key(), valid).statusCode()).isEqualTo(202);
    assertThat(post(fixture, "/v1/events", key.key(), "[{\"event_id\":\"x\"}]").statusCode()).isEqualTo(400);
    assertThat(post(fixture, "/v1/events", key.key(), "[{").statusCode()).isEqualTo(400);
    assertThat(post(fixture, "/v1/events", null, valid).statusCode()).isEqualTo(401);
    assertThat(post(fixture, "/v1/events", key.key(), event("openapi-other").replace("\"user_id\"", "\"tenant_id\":\"x\",\"user_id\""))
        .statusCode()).isEqualTo(403);
    assertThat(post(fixture, "/v1/events", key.key(), batch(ids("openapi-many", 1_001))).statusCode()).isEqualTo(413);
    assertThat(post(withoutKafka, "/v1/events", key.key(), valid).statusCode()).isEqualTo(503);
  }

  @Test
  @Order(2)
  void shouldAnswer429WhileTheInFlightLimitIsTaken() throws Exception {
    // given a request whose body has not all arrived yet, holding the only place in flight
    try (Socket held = new Socket("127.0.0.1", fixture.gateway.port())) {
      OutputStream out = held.getOutputStream();
      out.write(("POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key.key()
          + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      GatewayFixture.await(() -> fixture.get("/healthz", null), r -> json(r).get("in_flight_requests").asInt() == 1);

      // when
      HttpResponse<String> refused = post(fixture, "/v1/events", key.key(), event("openapi-429-" + RUN));

      // then
      assertThat(refused.statusCode()).isEqualTo(429);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    }
  }

  @Test
  @Order(3)
  void shouldAnswerEstimatesAsDocumented() throws Exception {
    // given
    PriceEntry price = PriceEntry.newBuilder().setProvider("openapi").setModel("m-" + RUN)
        .setEffectiveFrom(Instant.parse("2025-01-01T00:00:00Z")).setInputPerMtok(new BigDecimal("1").setScale(12))
        .setOutputPerMtok(new BigDecimal("2").setScale(12)).build();
    try (KafkaProducer<String, PriceEntry> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        fixture.bootstrap), Topics.PRICES.keySerde().serializer(), Topics.PRICES.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.PRICES.name(), PriceKeys.of(price), price)).get();
    }
    String request = "{\"provider\":\"openapi\",\"model\":\"m-" + RUN + "\",\"prompt\":\"Hi there\",\"max_output_tokens\":10}";

    // when / then
    assertThat(GatewayFixture.await(() -> post(fixture, "/v1/estimate", key.key(), request), r -> r.statusCode() == 200)
        .statusCode()).isEqualTo(200);
    assertThat(post(fixture, "/v1/estimate", key.key(), "{\"model\":\"m\"}").statusCode()).isEqualTo(400);
    assertThat(post(fixture, "/v1/estimate", null, request).statusCode()).isEqualTo(401);
    String huge = "{\"provider\":\"openapi\",\"model\":\"m\",\"max_output_tokens\":1,\"prompt\":\"" + "a".repeat(1_100_000) + "\"}";
    assertThat(post(fixture, "/v1/estimate", key.key(), huge).statusCode()).isEqualTo(413);
    assertThat(post(fixture, "/v1/estimate", key.key(), request.replace("m-" + RUN, "nothing-" + RUN)).statusCode()).isEqualTo(422);
    assertThat(post(withoutKafka, "/v1/estimate", key.key(), request).statusCode()).isEqualTo(503);
  }

  @Test
  @Order(4)
  void shouldAnswerBudgetStatusAsDocumented() throws Exception {
    // when / then
    assertThat(get(fixture, "/v1/budgets/status", "", key.key()).statusCode()).isEqualTo(200);
    assertThat(get(fixture, "/v1/budgets/status", "?tenant_id=" + RUN, null).statusCode()).isEqualTo(401);
    assertThat(get(fixture, "/v1/budgets/status", "?tenant_id=someone-else", key.key()).statusCode()).isEqualTo(403);
    assertThat(get(withoutKafka, "/v1/budgets/status", "", key.key()).statusCode()).isEqualTo(503);
  }

  @Test
  @Order(5)
  void shouldAnswerOperatorsAsDocumented() throws Exception {
    // when
    HttpResponse<String> health = get(fixture, "/healthz", "", null);
    HttpResponse<String> notReady = get(withoutKafka, "/healthz", "", null);
    HttpResponse<String> metrics = get(fixture, "/metrics", "", null);
    HttpResponse<String> document = get(fixture, "/openapi.yaml", "", null);

    // then
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(json(health).get("status").asText()).isEqualTo("ok");
    assertThat(notReady.statusCode()).isEqualTo(503);
    assertThat(json(notReady).get("api_keys").asText()).isEqualTo("loading");
    assertThat(metrics.body())
        .contains("tollgate_gateway_requests_seconds_bucket{method=\"POST\",route=\"events\",status=\"202\"")
        .contains("tollgate_gateway_events_total{outcome=\"accepted\"}")
        .contains("tollgate_gateway_api_keys ")
        .contains("kafka_producer_");
    assertThat(document.body()).isEqualTo(new String(OpsEndpoints.openApiDocument(), StandardCharsets.UTF_8));
  }

  @Test
  @Order(100)
  void shouldHaveProducedEveryDocumentedStatusOfEveryOperation() {
    // when
    var documented = CONTRACT.documented();

    // then
    assertThat(CONTRACT.seen()).containsExactlyElementsOf(documented);
  }
}
