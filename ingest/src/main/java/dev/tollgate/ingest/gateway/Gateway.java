package dev.tollgate.ingest.gateway;

import dev.tollgate.ingest.gateway.internal.Admission;
import dev.tollgate.ingest.gateway.internal.BearerAuth;
import dev.tollgate.ingest.gateway.internal.BudgetStatusBook;
import dev.tollgate.ingest.gateway.internal.BudgetStatusEndpoint;
import dev.tollgate.ingest.gateway.internal.EstimateEndpoint;
import dev.tollgate.ingest.gateway.internal.EventsEndpoint;
import dev.tollgate.ingest.gateway.internal.GatewayMetrics;
import dev.tollgate.ingest.gateway.internal.KafkaGatewaySink;
import dev.tollgate.ingest.gateway.internal.OpsEndpoints;
import dev.tollgate.ingest.gateway.internal.Routes;
import dev.tollgate.ingest.guard.BudgetGuard;
import dev.tollgate.ingest.guard.GuardConfig;
import dev.tollgate.ingest.keys.ApiKeyRing;
import dev.tollgate.ingest.keys.internal.CompactedTopicFollower;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP ingest gateway: usage events in (one or a batch, checked, acknowledged by Kafka before
 * they count as accepted), cost estimates and budget statuses out, API keys per tenant, health and
 * Prometheus metrics. Its routes are documented in {@code openapi/tollgate-gateway.yaml}.
 */
public final class Gateway implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  private static final int MAX_THREADS = 64;
  private static final int MIN_THREADS = 4;
  private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  private final GatewayConfig config;
  private final GatewayMetrics metrics;
  private final ApiKeyRing keys;
  private final CompactedTopicFollower<BudgetStatus> statuses;
  private final BudgetGuard guard;
  private final KafkaGatewaySink sink;
  private final Admission admission;
  private final Server server;
  private final ServerConnector connector;

  private Gateway(GatewayConfig config, Clock clock) {
    this.config = config;
    this.metrics = new GatewayMetrics();
    this.keys = ApiKeyRing.follow(config.bootstrap(), "tollgate-gateway-keys");
    BudgetStatusBook book = new BudgetStatusBook();
    this.statuses = CompactedTopicFollower.start(config.bootstrap(), "tollgate-gateway-statuses", Topics.BUDGET_STATUS, book);
    this.guard = BudgetGuard.start(GuardConfig.of(config.bootstrap()).withClientId("tollgate-gateway-guard"), clock);
    this.sink = new KafkaGatewaySink(config, metrics.registry());
    this.admission = new Admission(config.maxInFlightRequests(), config.maxInFlightBytes());
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
    threads.setName("gateway-http");
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
    server.addConnector(connector);
    BearerAuth auth = new BearerAuth(keys, config.retryAfterSeconds());
    OpsEndpoints.Readiness readiness = new OpsEndpoints.Readiness(keys::ready, statuses::ready, guard::ready, sink::available);
    Routes routes = new Routes(metrics)
        .add("POST", "/v1/events", "events", new EventsEndpoint(config, auth, admission, sink, metrics, threads, clock))
        .add("POST", "/v1/estimate", "estimate", new EstimateEndpoint(auth, guard, config.maxBodyBytes()))
        .add("GET", "/v1/budgets/status", "budget_status",
            new BudgetStatusEndpoint(auth, book, statuses::ready, clock, config.retryAfterSeconds()))
        .add("GET", "/healthz", "healthz", OpsEndpoints.health(readiness, admission, sink))
        .add("GET", "/metrics", "metrics", OpsEndpoints.metrics(metrics))
        .add("GET", "/openapi.yaml", "openapi", OpsEndpoints.openApi());
    server.setHandler(new GracefulHandler(routes));
    // On stop, requests waiting for Kafka get their answer before the connections close.
    server.setStopTimeout(config.ackTimeout().toMillis() + 2_000);
    metrics.gauge("tollgate.gateway.in.flight.requests", "Event requests being handled", admission::requests);
    metrics.gauge("tollgate.gateway.in.flight.bytes", "Body bytes of the event requests being handled", admission::bytes);
    metrics.gauge("tollgate.gateway.api.keys", "API keys known and not revoked", keys::activeKeys);
    metrics.gauge("tollgate.gateway.kafka.available", "1 while the newest send was acknowledged, else 0",
        () -> sink.available() ? 1 : 0);
  }

  /** Starts reading keys, statuses and prices and listens; see {@link #awaitReady} before the first request. */
  public static Gateway start(GatewayConfig config) {
    return start(config, Clock.systemUTC());
  }

  public static Gateway start(GatewayConfig config, Clock clock) {
    Gateway gateway = new Gateway(config, clock);
    try {
      gateway.server.start();
    } catch (Exception e) {
      gateway.close();
      throw new IllegalStateException("the gateway cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    LOG.info("gateway listening on {}", gateway.uri());
    return gateway;
  }

  /**
   * Waits until the API keys, the budget statuses and the prices have been read, so that no request
   * is answered 503 for want of them.
   *
   * @return false when that took longer than {@code timeout}
   */
  public boolean awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    return keys.awaitReady(timeout) && statuses.awaitReady(left(deadline)) && guard.awaitReady(left(deadline));
  }

  private static Duration left(long deadlineNanos) {
    return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }

  /** Where it listens, such as {@code http://127.0.0.1:8080}. */
  public URI uri() {
    return URI.create("http://" + config.host() + ":" + connector.getLocalPort());
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** Stops listening once the requests in flight are answered, then closes the producer and the readers. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.warn("the HTTP server did not stop cleanly: {}", e.toString());
    }
    sink.close();
    try {
      keys.close();
      statuses.close();
      guard.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    metrics.close();
  }
}
