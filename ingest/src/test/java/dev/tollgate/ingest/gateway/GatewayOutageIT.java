package dev.tollgate.ingest.gateway;

import static dev.tollgate.ingest.gateway.GatewayFixture.batch;
import static dev.tollgate.ingest.gateway.GatewayFixture.ids;
import static dev.tollgate.ingest.gateway.GatewayFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.ingest.keys.IssuedKey;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.stack.KafkaBroker;
import dev.tollgate.stack.Ports;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway while its broker goes away and comes back: a broker of this test's own, on its own ports
 * and folder, stopped mid-test and started again on the same folder.
 */
class GatewayOutageIT {
  private static final OpenApiContract CONTRACT = OpenApiContract.load();
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(2);
  private static final int IN_FLIGHT = 2;

  private KafkaBroker.Options brokerOptions;
  private KafkaBroker broker;
  private GatewayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    int[] ports = Ports.free(2);
    Path dir = Path.of("target", "gateway-outage", System.currentTimeMillis() + "-" + ProcessHandle.current().pid());
    brokerOptions = new KafkaBroker.Options(dir, ports[0], ports[1], false, "512m");
    broker = KafkaBroker.start(brokerOptions);
    String bootstrap = broker.bootstrapServers();
    GatewayFixture.createTopics(bootstrap);
    fixture = new GatewayFixture(bootstrap, GatewayConfig.defaults(bootstrap).withPort(0).withAckTimeout(ACK_TIMEOUT)
        .withLimits(GatewayConfig.DEFAULT_MAX_BATCH, GatewayConfig.DEFAULT_MAX_BODY_BYTES, IN_FLIGHT,
            GatewayConfig.DEFAULT_MAX_IN_FLIGHT_BYTES));
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    broker.stop();
  }

  private HttpResponse<String> postEvents(String key, String body) throws Exception {
    HttpResponse<String> response = fixture.post("/v1/events", key, body);
    CONTRACT.check("POST", "/v1/events", response);
    return response;
  }

  @Test
  void shouldAnswer503WhileTheBrokerIsDownThenRecoverWithoutLosingAnAcceptedEvent() throws Exception {
    // given a gateway that has accepted five batches
    IssuedKey key = fixture.key("acme");
    Set<String> accepted = new HashSet<>();
    List<String> before = new ArrayList<>();
    for (int b = 0; b < 5; b++) {
      List<String> ids = ids("before-" + b, 20);
      HttpResponse<String> response = postEvents(key.key(), batch(ids));
      assertThat(response.statusCode()).isEqualTo(202);
      assertThat(json(response).get("accepted").asInt()).isEqualTo(20);
      accepted.addAll(ids);
      before.addAll(ids);
    }

    // when the broker stops
    broker.stop();
    List<String> during = ids("during", 20);
    HttpResponse<String> refused = postEvents(key.key(), batch(during));

    // then the batch is refused with 503, Retry-After and the items Kafka did not acknowledge
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    JsonNode answer = json(refused);
    assertThat(answer.get("error").asText()).isEqualTo("kafka_unavailable");
    assertThat(answer.get("unacknowledged").size() + answer.get("accepted").asInt()).isEqualTo(20);
    accepted.addAll(acknowledged(during, answer));
    JsonNode health = json(fixture.get("/healthz", null));
    assertThat(health.get("status").asText()).isEqualTo("degraded");
    assertThat(health.get("kafka").asText()).isEqualTo("unavailable");

    // and when more requests arrive than may wait for Kafka at once
    CompletableFuture<HttpResponse<String>> first = async(key, batch(ids("held-1", 5)));
    CompletableFuture<HttpResponse<String>> second = async(key, batch(ids("held-2", 5)));
    GatewayFixture.await(() -> fixture.get("/healthz", null), r -> json(r).get("in_flight_requests").asInt() == IN_FLIGHT);
    HttpResponse<String> overloaded = postEvents(key.key(), batch(ids("held-3", 5)));

    // then the one over the limit is turned away at once with 429, and the waiting ones get 503
    assertThat(overloaded.statusCode()).isEqualTo(429);
    assertThat(overloaded.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(first.get().statusCode()).isEqualTo(503);
    assertThat(second.get().statusCode()).isEqualTo(503);
    CONTRACT.check("POST", "/v1/events", first.get());
    accepted.addAll(acknowledged(ids("held-1", 5), json(first.get())));
    accepted.addAll(acknowledged(ids("held-2", 5), json(second.get())));

    // and when the broker is back, on the same folder and ports
    broker = KafkaBroker.start(brokerOptions);
    HttpResponse<String> retried = GatewayFixture.await(() -> fixture.post("/v1/events", key.key(), batch(during)),
        r -> r.statusCode() == 202);
    List<String> after = ids("after", 20);
    HttpResponse<String> fresh = postEvents(key.key(), batch(after));

    // then the retried batch and new ones are accepted whole
    assertThat(json(retried).get("accepted").asInt()).isEqualTo(20);
    assertThat(fresh.statusCode()).isEqualTo(202);
    accepted.addAll(during);
    accepted.addAll(after);
    assertThat(json(fixture.get("/healthz", null)).get("status").asText()).isEqualTo("ok");

    // and every accepted event is on the raw topic; those accepted on first try exactly once
    Map<String, Long> copies = fixture.rawEvents("").stream()
        .collect(Collectors.groupingBy(UsageEvent::getEventId, Collectors.counting()));
    assertThat(copies.keySet()).containsAll(accepted);
    assertThat(before).allSatisfy(id -> assertThat(copies.get(id)).as(id).isEqualTo(1L));
    assertThat(after).allSatisfy(id -> assertThat(copies.get(id)).as(id).isEqualTo(1L));
    assertThat(copies.keySet()).as("nothing but what was sent")
        .allMatch(id -> id.startsWith("before-") || id.startsWith("during-") || id.startsWith("held-") || id.startsWith("after-"));
    assertThat(copies.keySet()).doesNotContainAnyElementsOf(ids("held-3", 5));
  }

  /** The ids of a 503's batch that Kafka did acknowledge: those not listed as unacknowledged. */
  private static List<String> acknowledged(List<String> ids, JsonNode answer) {
    Set<Integer> unacked = new HashSet<>();
    answer.get("unacknowledged").forEach(i -> unacked.add(i.asInt()));
    List<String> acked = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!unacked.contains(i)) {
        acked.add(ids.get(i));
      }
    }
    return acked;
  }

  private CompletableFuture<HttpResponse<String>> async(IssuedKey key, String body) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return fixture.post("/v1/events", key.key(), body);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
