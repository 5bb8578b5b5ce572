package dev.tollgate.processor;

import dev.tollgate.config.Env;
import dev.tollgate.processor.budget.BudgetConfig;
import dev.tollgate.processor.budget.BudgetTopology;
import dev.tollgate.processor.internal.DedupChangelog;
import dev.tollgate.processor.internal.RequiredTopics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pricing and the budget topologies, each as its own Kafka Streams application, until the
 * JVM is stopped; exits non-zero if either fails. One process for both, because on a small
 * machine a JVM per topology costs more than it isolates.
 */
public final class ProcessorApp {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private ProcessorApp() {}

  public static void main(String[] args) throws InterruptedException {
    Env env = Env.system();
    ProcessorConfig pricing = ProcessorConfig.fromEnv(env);
    BudgetConfig budgets = BudgetConfig.fromEnv(env);
    LOG.info("starting {} and {} against {} (state in {}, dedup horizon {}, price fallback {})", pricing.applicationId(),
        budgets.applicationId(), pricing.bootstrapServers(), pricing.stateDir(), pricing.dedupHorizon(), pricing.priceFallback());
    RequiredTopics.check(pricing.bootstrapServers(), budgets.partitions());
    DedupChangelog.retentionOnly(pricing.bootstrapServers(),
        DedupChangelog.topicName(pricing.applicationId(), PricingTopology.DEDUP_STORE));

    CountDownLatch stopped = new CountDownLatch(1);
    List<KafkaStreams> apps = List.of(
        client("pricing", PricingTopology.buildTopology(pricing), pricing.streamsProperties(), stopped),
        client("budgets", BudgetTopology.buildTopology(budgets), budgets.streamsProperties(), stopped));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      apps.forEach(app -> app.close(CLOSE_TIMEOUT));
    }, "tollgate-processor-shutdown"));

    apps.forEach(KafkaStreams::start);
    stopped.await();
    if (apps.stream().anyMatch(app -> app.state() == KafkaStreams.State.ERROR)) {
      LOG.error("the stream processor failed; see the errors above");
      apps.forEach(app -> app.close(CLOSE_TIMEOUT));
      System.exit(1);
    }
  }

  private static KafkaStreams client(String name, Topology topology, Properties properties, CountDownLatch stopped) {
    LOG.debug("{} topology:\n{}", name, topology.describe());
    KafkaStreams streams = new KafkaStreams(topology, properties);
    streams.setStateListener((now, before) -> {
      LOG.info("{}: state {} -> {}", name, before, now);
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
        stopped.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(ProcessorApp::onStreamThreadFailure);
    return streams;
  }

  private static StreamThreadExceptionResponse onStreamThreadFailure(Throwable error) {
    if (error instanceof MissingSourceTopicException || error.getCause() instanceof MissingSourceTopicException) {
      LOG.error("a source topic is missing; create the topics (./tollgate up) and restart", error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    LOG.error("a stream thread failed; replacing it", error);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
