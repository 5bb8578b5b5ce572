package dev.tollgate.ingest.gateway.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gateway's meters, exposed as Prometheus text on {@code /metrics}: requests by route, method and
 * status (a histogram, so that percentiles can be computed across instances), events by outcome,
 * what is in flight, the keys known, whether Kafka acknowledges, and the JVM's own.
 */
public final class GatewayMetrics implements AutoCloseable {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();
  private final Counter accepted;
  private final Counter rejected;
  private final Counter unacknowledged;
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public GatewayMetrics() {
    accepted = events("accepted");
    rejected = events("rejected");
    unacknowledged = events("unacknowledged");
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  private Counter events(String outcome) {
    return Counter.builder("tollgate.gateway.events")
        .description("Events received on POST /v1/events, by outcome: accepted (acknowledged by Kafka), rejected "
            + "(broke the contract) or unacknowledged (valid, but Kafka did not acknowledge them in time)")
        .tag("outcome", outcome)
        .register(registry);
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public void request(String route, String method, int status, long nanos) {
    String key = route + ' ' + method + ' ' + status;
    timers.computeIfAbsent(key, k -> Timer.builder("tollgate.gateway.requests")
            .description("HTTP requests answered, from headers read to answer written")
            .tags("route", route, "method", method, "status", Integer.toString(status))
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  public void events(int acceptedCount, int rejectedCount, int unacknowledgedCount) {
    accepted.increment(acceptedCount);
    rejected.increment(rejectedCount);
    unacknowledged.increment(unacknowledgedCount);
  }

  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
