package dev.tollgate.alerting;

import dev.tollgate.alerting.metrics.MetricsEndpoint;
import dev.tollgate.alerting.routes.RouteFileException;
import dev.tollgate.config.Env;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting service as a process: reads {@code TOLLGATE_ALERT_ROUTES}, serves metrics, delivers
 * until stopped (SIGTERM), then finishes cleanly. Exits with 2 when the routes file or a setting is
 * invalid, naming what is wrong.
 */
public final class AlertingApp {
  private static final Logger log = LoggerFactory.getLogger(AlertingApp.class);

  private AlertingApp() {}

  public static void main(String[] args) throws InterruptedException {
    AlertingConfig config;
    AlertingService service;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try {
      config = AlertingConfig.fromEnv(Env.system());
      service = AlertingService.create(config, System.getenv(), registry);
    } catch (RouteFileException | IllegalArgumentException e) {
      System.err.println("alerting: " + e.getMessage());
      System.exit(2);
      return;
    }
    log.info("routes from {}: {} channels, {} routes", config.routesFile(), service.routes().channels().size(),
        service.routes().routes().size());
    MetricsEndpoint metrics = startMetrics(config, registry);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.stop();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "alerting-shutdown"));
    try {
      service.run();
    } finally {
      if (metrics != null) {
        metrics.close();
      }
      stopped.countDown();
    }
  }

  private static MetricsEndpoint startMetrics(AlertingConfig config, PrometheusMeterRegistry registry) {
    if (config.metricsAddress() == null) {
      return null;
    }
    try {
      MetricsEndpoint endpoint = MetricsEndpoint.start(config.metricsAddress(), registry);
      log.info("metrics at http://{}/metrics", config.metricsAddress());
      return endpoint;
    } catch (IOException | RuntimeException e) {
      log.warn("no metrics endpoint at {} ({}); delivering without it", config.metricsAddress(), e.getMessage());
      return null;
    }
  }
}
