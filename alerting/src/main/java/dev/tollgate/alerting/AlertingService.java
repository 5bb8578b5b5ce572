package dev.tollgate.alerting;

import dev.tollgate.alerting.channel.Channel;
import dev.tollgate.alerting.channel.Channels;
import dev.tollgate.alerting.dispatch.AlertDispatcher;
import dev.tollgate.alerting.metrics.AlertingMetrics;
import dev.tollgate.alerting.routes.RouteFile;
import dev.tollgate.alerting.routes.RouteFileException;
import dev.tollgate.alerting.routes.Routes;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The routes file read and checked, its channels built, and the dispatcher that delivers to them. */
public final class AlertingService {
  private static final Logger log = LoggerFactory.getLogger(AlertingService.class);
  private final Routes routes;
  private final AlertingMetrics metrics;
  private final AlertDispatcher dispatcher;

  private AlertingService(Routes routes, AlertingMetrics metrics, AlertDispatcher dispatcher) {
    this.routes = routes;
    this.metrics = metrics;
    this.dispatcher = dispatcher;
  }

  /**
   * Reads the routes file before anything connects to Kafka.
   *
   * @param env for {@code ${NAME}} references in the routes file
   * @throws RouteFileException naming the line and field of every problem in the file
   */
  public static AlertingService create(AlertingConfig config, Map<String, String> env, MeterRegistry registry) {
    Routes routes = RouteFile.load(config.routesFile(), env);
    if (!routes.hasCatchAll()) {
      log.warn("no route of {} takes every alert: alerts that match none are parked on {} as unrouted",
          config.routesFile(), config.deadLetterTopic());
    }
    Map<String, Channel> channels = Channels.of(routes, config.httpTimeout());
    AlertingMetrics metrics = new AlertingMetrics(registry);
    return new AlertingService(routes, metrics, new AlertDispatcher(config, routes, channels, metrics, Clock.systemUTC()));
  }

  public Routes routes() {
    return routes;
  }

  public AlertingMetrics metrics() {
    return metrics;
  }

  /** Delivers until {@link #stop()}. */
  public void run() {
    dispatcher.run();
  }

  /** Asks {@link #run()} to finish cleanly; safe from any thread. */
  public void stop() {
    dispatcher.stop();
  }
}
