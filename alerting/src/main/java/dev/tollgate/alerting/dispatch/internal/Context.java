package dev.tollgate.alerting.dispatch.internal;

import dev.tollgate.alerting.channel.Channel;
import dev.tollgate.alerting.channel.DeliveryResult;
import dev.tollgate.alerting.dispatch.DeadLetters;
import dev.tollgate.alerting.dispatch.DeliverySettings;
import dev.tollgate.alerting.dispatch.IncidentStore;
import dev.tollgate.alerting.metrics.AlertingMetrics;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** What the parts of the engine share: channels and their rates, the retry policy, the jobs and the sinks. */
public final class Context {
  final Map<String, Channel> channels;
  final DeliverySettings settings;
  final RetryPolicy retry;
  final AlertingMetrics metrics;
  final DeadLetters deadLetters;
  final IncidentStore incidents;
  final String incidentsTopic;
  private final Jobs jobs;
  private final Map<String, TokenBucket> buckets = new HashMap<>();

  public Context(Map<String, Channel> channels, DeliverySettings settings, RetryPolicy retry, Jobs jobs,
      AlertingMetrics metrics, DeadLetters deadLetters, IncidentStore incidents, String incidentsTopic) {
    this.channels = Map.copyOf(channels);
    this.settings = settings;
    this.retry = retry;
    this.jobs = jobs;
    this.metrics = metrics;
    this.deadLetters = deadLetters;
    this.incidents = incidents;
    this.incidentsTopic = incidentsTopic;
  }

  public Jobs jobs() {
    return jobs;
  }

  TokenBucket bucket(Channel channel) {
    return buckets.computeIfAbsent(channel.name(), name -> new TokenBucket(channel.spec().ratePerMinute() != null
        ? channel.spec().ratePerMinute() : settings.defaultRatePerMinute()));
  }

  /** Runs one attempt off this thread; an exception becomes a failure worth retrying. */
  CompletableFuture<DeliveryResult> attempt(Channel channel, Supplier<DeliveryResult> work) {
    return jobs.submit(() -> {
      long started = System.nanoTime();
      DeliveryResult result;
      try {
        result = work.get();
      } catch (RuntimeException e) {
        result = DeliveryResult.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      metrics.attempt(channel.name(), channel.spec().type(), result.outcome().name().toLowerCase(Locale.ROOT),
          Duration.ofNanos(System.nanoTime() - started));
      return result;
    });
  }

  CompletableFuture<Void> park(String key, AlertDeadLetter record, Runnable afterwards) {
    return jobs.submit(() -> {
      deadLetters.park(key, record);
      afterwards.run();
      return null;
    });
  }
}
