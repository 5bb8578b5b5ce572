package dev.tollgate.ingest.gateway.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/** The routes for operators, without a key: {@code /healthz}, {@code /metrics} and the OpenAPI document. */
public final class OpsEndpoints {
  public static final String OPENAPI_RESOURCE = "openapi/tollgate-gateway.yaml";

  /**
   * What the health check looks at.
   *
   * @param keys the API keys have been read (without them no request can be authenticated)
   * @param kafka the newest send was acknowledged
   */
  public record Readiness(BooleanSupplier keys, BooleanSupplier statuses, BooleanSupplier prices, BooleanSupplier kafka) {}

  private OpsEndpoints() {}

  /**
   * 200 while requests can be served, even with Kafka failing (a gateway taken out of rotation for
   * that would never see Kafka come back): {@code status} is then {@code degraded}. 503 while the API
   * keys are still being read.
   */
  public static Endpoint health(Readiness readiness, Admission admission, KafkaGatewaySink sink) {
    return exchange -> {
      boolean keys = readiness.keys().getAsBoolean();
      boolean kafka = readiness.kafka().getAsBoolean();
      ObjectNode n = Json.MAPPER.createObjectNode();
      n.put("status", !keys ? "unavailable" : kafka ? "ok" : "degraded");
      n.put("api_keys", keys ? "ready" : "loading");
      n.put("budget_statuses", readiness.statuses().getAsBoolean() ? "ready" : "loading");
      n.put("prices", readiness.prices().getAsBoolean() ? "ready" : "loading");
      n.put("kafka", kafka ? "ok" : "unavailable");
      if (!kafka && sink.lastError() != null) {
        n.put("kafka_error", sink.lastError());
      }
      n.put("in_flight_requests", admission.requests());
      exchange.json(keys ? 200 : 503, n);
    };
  }

  public static Endpoint metrics(GatewayMetrics metrics) {
    return exchange -> exchange.text(200, GatewayMetrics.CONTENT_TYPE, metrics.scrape());
  }

  public static Endpoint openApi() {
    byte[] document = openApiDocument();
    return exchange -> exchange.send(200, "application/yaml", document);
  }

  public static byte[] openApiDocument() {
    try (InputStream in = OpsEndpoints.class.getClassLoader().getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OPENAPI_RESOURCE + " is missing from the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
    }
  }
}
