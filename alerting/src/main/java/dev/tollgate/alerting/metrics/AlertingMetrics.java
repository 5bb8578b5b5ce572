package dev.tollgate.alerting.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The alerting service's meters, tagged by channel (and channel type):
 * <ul>
 *   <li>{@value #DELIVERED}: alerts a channel accepted (each alert of a digest counts);</li>
 *   <li>{@value #RETRIED}: failed attempts that will be retried;</li>
 *   <li>{@value #DEAD_LETTERED}: alerts parked on the dead-letter topic, tagged with what was not delivered;</li>
 *   <li>{@value #LATENCY}: from the alert being written to Kafka to a channel accepting it, retries and digest hold included;</li>
 *   <li>{@value #ATTEMPT}: how long one attempt took, tagged with its outcome;</li>
 *   <li>{@value #IGNORED}: alerts a route with no channels dropped on purpose;</li>
 *   <li>{@value #RESOLVED}: PagerDuty incidents resolved at the end of their budget period.</li>
 * </ul>
 */
public final class AlertingMetrics {
  public static final String DELIVERED = "tollgate.alerting.delivered";
  public static final String RETRIED = "tollgate.alerting.retried";
  public static final String DEAD_LETTERED = "tollgate.alerting.dead_lettered";
  public static final String LATENCY = "tollgate.alerting.delivery.latency";
  public static final String ATTEMPT = "tollgate.alerting.attempt.duration";
  public static final String IGNORED = "tollgate.alerting.ignored";
  public static final String RESOLVED = "tollgate.alerting.resolved";
  private static final String NONE = "none";

  private final MeterRegistry registry;

  public AlertingMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  public void delivered(String channel, String type, Duration latency) {
    Counter.builder(DELIVERED).tags("channel", channel, "type", type).register(registry).increment();
    Timer.builder(LATENCY).tags("channel", channel, "type", type).publishPercentileHistogram(false)
        .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
  }

  public void retried(String channel, String type) {
    Counter.builder(RETRIED).tags("channel", channel, "type", type).register(registry).increment();
  }

  public void deadLettered(String channel, String type, String what) {
    Counter.builder(DEAD_LETTERED).tags("channel", channel == null ? NONE : channel, "type", type == null ? NONE : type,
        "delivery", what).register(registry).increment();
  }

  public void attempt(String channel, String type, String outcome, Duration took) {
    Timer.builder(ATTEMPT).tags("channel", channel, "type", type, "outcome", outcome).register(registry).record(took);
  }

  public void ignored() {
    Counter.builder(IGNORED).register(registry).increment();
  }

  public void resolved(String channel) {
    Counter.builder(RESOLVED).tags("channel", channel).register(registry).increment();
  }

  /** The count of a counter over all its tags with {@code channel} (any channel when null). */
  public double count(String name, String channel) {
    return registry.find(name).tags(channel == null ? new String[0] : new String[] {"channel", channel}).counters()
        .stream().mapToDouble(Counter::count).sum();
  }
}
