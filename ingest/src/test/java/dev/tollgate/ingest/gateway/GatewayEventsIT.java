package dev.tollgate.ingest.gateway;

import static dev.tollgate.ingest.gateway.GatewayFixture.batch;
import static dev.tollgate.ingest.gateway.GatewayFixture.event;
import static dev.tollgate.ingest.gateway.GatewayFixture.ids;
import static dev.tollgate.ingest.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.ingest.keys.ApiKeyAdmin;
import dev.tollgate.ingest.keys.IssuedKey;
import dev.tollgate.ingest.keys.internal.KeyText;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.stack.testing.TestStack;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /v1/events over real HTTP, with events checked on the real broker's raw topic. */
class GatewayEventsIT {
  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static GatewayFixture fixture;
  private static IssuedKey acme;

  private final String run = "gw-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void start() throws Exception {
    String bootstrap = TestStack.kafka().bootstrapServers();
    GatewayFixture.createTopics(bootstrap);
    fixture = GatewayFixture.start(bootstrap);
    acme = fixture.key("acme");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private HttpResponse<String> postEvents(String key, String body) throws Exception {
    HttpResponse<String> response = fixture.post("/v1/events", key, body);
    CONTRACT.check("POST", "/v1/events", response);
    return response;
  }

  @Test
  void shouldWriteTheValidItemsOfABatchAndListEachBadOneWithItsFieldAndReason() throws Exception {
    // given ten items, three of them bad
    List<String> good = ids(run, 7);
    String body = "[" + event(good.get(0)) + "," + event(good.get(1))
        + ",{\"event_id\":\"" + run + "-bad-model\",\"occurred_at\":\"2026-01-01T00:00:00Z\",\"user_id\":\"u1\","
        + "\"feature\":\"chat\",\"provider\":\"openai\",\"input_tokens\":1,\"output_tokens\":1},"
        + event(good.get(2)) + ",\"not an event\"," + event(good.get(3)) + "," + event(good.get(4))
        + "," + event(run + "-bad-tokens").replace("\"output_tokens\":30", "\"output_tokens\":-5")
        + "," + event(good.get(5)) + "," + event(good.get(6)) + "]";

    // when
    HttpResponse<String> response = postEvents(acme.key(), body);

    // then
    assertThat(response.statusCode()).isEqualTo(202);
    JsonNode result = json(response);
    assertThat(result.get("received").asInt()).isEqualTo(10);
    assertThat(result.get("accepted").asInt()).isEqualTo(7);
    assertThat(result.get("rejected")).hasSize(3);
    assertThat(result.get("rejected").get(0).toString())
        .isEqualTo("{\"index\":2,\"event_id\":\"" + run + "-bad-model\",\"field\":\"model\",\"reason\":\"is required\"}");
    assertThat(result.get("rejected").get(1).toString())
        .isEqualTo("{\"index\":4,\"field\":\"_record\",\"reason\":\"must be a JSON object, got a string\"}");
    assertThat(result.get("rejected").get(2).get("field").asText()).isEqualTo("output_tokens");
    assertThat(result.get("rejected").get(2).get("index").asInt()).isEqualTo(7);

    // and exactly the accepted events are on the raw topic, once each, as the key's tenant
    List<UsageEvent> written = fixture.rawEvents(run);
    assertThat(written).extracting(UsageEvent::getEventId).containsExactlyInAnyOrderElementsOf(good);
    assertThat(written).allSatisfy(e -> {
      assertThat(e.getTenantId()).isEqualTo("acme");
      assertThat(e.getModel()).isEqualTo("gpt-4o-mini");
      assertThat(e.getInputTokens()).isEqualTo(120);
    });
  }

  @Test
  void shouldAnswer400AndWriteNothingWhenNoItemIsValid() throws Exception {
    // given
    String body = "[" + event(run + "-a").replace("\"feature\":\"chat\",", "") + ",17]";

    // when
    HttpResponse<String> response = postEvents(acme.key(), body);

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode result = json(response);
    assertThat(result.get("accepted").asInt()).isZero();
    assertThat(result.get("rejected")).extracting(r -> r.get("field").asText()).containsExactly("feature", "_record");
    assertThat(fixture.rawEvents(run)).isEmpty();
  }

  @Test
  void shouldAcceptOneEventGivenAsAnObject() throws Exception {
    // when
    HttpResponse<String> response = postEvents(acme.key(), event(run + "-single"));

    // then
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json(response).get("accepted").asInt()).isEqualTo(1);
    assertThat(fixture.rawEvents(run)).extracting(UsageEvent::getEventId).containsExactly(run + "-single");
  }

  @Test
  void shouldRefuseRequestsWithoutAValidKeyAndWriteNothing() throws Exception {
    // given
    String body = batch(ids(run, 3));

    // when
    HttpResponse<String> none = postEvents(null, body);
    HttpResponse<String> unknown = postEvents(KeyText.newKey(), body);
    HttpResponse<String> malformed = postEvents("hunter2", body);
    HttpResponse<String> forged = postEvents(acme.key().substring(0, 20) + KeyText.newKey().substring(20), body);

    // then
    for (HttpResponse<String> r : List.of(none, unknown, malformed, forged)) {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"tollgate\"");
    }
    assertThat(json(none).get("error").asText()).isEqualTo("missing_api_key");
    assertThat(json(malformed).get("message").asText()).contains("malformed");
    assertThat(fixture.rawEvents(run)).isEmpty();
  }

  @Test
  void shouldRefuseTheWholeBatchWhenAnItemIsOfAnotherTenant() throws Exception {
    // given a batch of acme's events with one of globex's in the middle
    List<String> own = ids(run, 4);
    String body = "[" + event(own.get(0)) + "," + event(own.get(1)) + ","
        + event(run + "-globex").replace("\"user_id\"", "\"tenant_id\":\"globex\",\"user_id\"") + ","
        + event(own.get(2)).replace("\"user_id\"", "\"tenant_id\":\"acme\",\"user_id\"") + "," + event(own.get(3)) + "]";

    // when
    HttpResponse<String> response = postEvents(acme.key(), body);

    // then
    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode answer = json(response);
    assertThat(answer.get("error").asText()).isEqualTo("forbidden_tenant");
    assertThat(answer.get("items").toString()).isEqualTo("[{\"index\":2,\"tenant_id\":\"globex\"}]");
    assertThat(fixture.rawEvents(run)).isEmpty();
  }

  @Test
  void shouldRefuseOversizedBodiesAndBatchesWith413AndWriteNothing() throws Exception {
    // given a body over 1 MiB, and a batch of 1,001 small events
    String padding = "x".repeat(1024 * 1024);
    String oversized = "[" + event(run + "-big").replace("\"feature\":\"chat\"", "\"feature\":\"chat\",\"prompt_hash\":\"" + padding + "\"") + "]";
    String tooMany = batch(ids(run, 1_001));

    // when
    HttpResponse<String> body = postEvents(acme.key(), oversized);
    HttpResponse<String> items = postEvents(acme.key(), tooMany);

    // then
    assertThat(body.statusCode()).isEqualTo(413);
    assertThat(json(body).get("error").asText()).isEqualTo("body_too_large");
    assertThat(items.statusCode()).isEqualTo(413);
    assertThat(json(items).get("error").asText()).isEqualTo("batch_too_large");
    assertThat(fixture.rawEvents(run)).isEmpty();
  }

  @Test
  void shouldAcceptEventsNamedWithOpenTelemetryGenAiAttributes() throws Exception {
    // given one event with top-level semantic-convention names, one with a span's attributes map
    String topLevel = "{\"event_id\":\"" + run + "-otel-1\",\"occurred_at\":\"2026-11-20T10:00:00Z\",\"user_id\":\"u1\","
        + "\"feature\":\"chat\",\"gen_ai.provider.name\":\"openai\",\"gen_ai.request.model\":\"gpt-4o\","
        + "\"gen_ai.usage.input_tokens\":1000,\"gen_ai.usage.output_tokens\":200}";
    String spanAttributes = "{\"attributes\":{\"tollgate.event_id\":\"" + run + "-otel-2\",\"tollgate.occurred_at\":"
        + "\"2026-11-20T10:00:01Z\",\"user.id\":\"u2\",\"tollgate.feature\":\"search\",\"gen_ai.system\":\"gcp.gemini\","
        + "\"gen_ai.response.model\":\"gemini-2.0-flash-001\",\"gen_ai.usage.input_tokens\":40,"
        + "\"gen_ai.usage.output_tokens\":4,\"gen_ai.request.temperature\":0.2}}";

    // when
    HttpResponse<String> response = postEvents(acme.key(), "[" + topLevel + "," + spanAttributes + "]");

    // then
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    assertThat(json(response).get("accepted").asInt()).isEqualTo(2);
    List<UsageEvent> written = fixture.rawEvents(run);
    assertThat(written).hasSize(2);
    UsageEvent first = written.stream().filter(e -> e.getEventId().endsWith("otel-1")).findFirst().orElseThrow();
    assertThat(first.getProvider()).isEqualTo("openai");
    assertThat(first.getModel()).isEqualTo("gpt-4o");
    assertThat(first.getInputTokens()).isEqualTo(1000);
    assertThat(first.getOutputTokens()).isEqualTo(200);
    UsageEvent second = written.stream().filter(e -> e.getEventId().endsWith("otel-2")).findFirst().orElseThrow();
    assertThat(second.getProvider()).isEqualTo("google");
    assertThat(second.getModel()).isEqualTo("gemini-2.0-flash");
    assertThat(second.getUserId()).isEqualTo("u2");
    assertThat(second.getFeature()).isEqualTo("search");
    assertThat(second.getAttributes()).containsEntry("model_version", "gemini-2.0-flash-001")
        .containsEntry("gen_ai.request.temperature", "0.2");
  }

  @Test
  void shouldNameTheOpenTelemetryFieldAtFault() throws Exception {
    // given
    String body = "{\"event_id\":\"" + run + "-otel-bad\",\"occurred_at\":\"2026-11-20T10:00:00Z\",\"user_id\":\"u1\","
        + "\"feature\":\"chat\",\"gen_ai.system\":\"openai\",\"gen_ai.request.model\":\"gpt-4o\","
        + "\"gen_ai.usage.input_tokens\":\"many\",\"gen_ai.usage.output_tokens\":2}";

    // when
    HttpResponse<String> response = postEvents(acme.key(), body);

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).get("rejected").get(0).get("field").asText()).isEqualTo("gen_ai.usage.input_tokens");
  }

  @Test
  void shouldRefuseAKeyOnceItIsRevokedWithoutARestart() throws Exception {
    // given a key in use
    IssuedKey key = fixture.key("initech");
    assertThat(postEvents(key.key(), event(run + "-before")).statusCode()).isEqualTo(202);

    // when it is revoked, and the gateway has followed
    new ApiKeyAdmin(fixture.bootstrap).revoke(key.keyId());
    HttpResponse<String> refused = GatewayFixture.await(() -> fixture.post("/v1/events", key.key(), event(run + "-probe")),
        r -> r.statusCode() == 401);
    HttpResponse<String> later = postEvents(key.key(), event(run + "-later"));

    // then
    assertThat(json(refused).get("message").asText()).contains("revoked");
    assertThat(later.statusCode()).isEqualTo(401);
    assertThat(fixture.rawEvents(run)).extracting(UsageEvent::getEventId).contains(run + "-before")
        .doesNotContain(run + "-later");
  }
}
