package dev.tollgate.processor;

import dev.tollgate.config.Env;
import dev.tollgate.processor.internal.RequiredTopics;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the pricing topology until the JVM is stopped; exits non-zero if the client fails. */
public final class ProcessorApp {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessorApp.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

  private ProcessorApp() {}

  public static void main(String[] args) throws InterruptedException {
    ProcessorConfig config = ProcessorConfig.fromEnv(Env.system());
    LOG.info("starting {} against {} (state in {}, dedup horizon {}, price fallback {})", config.applicationId(),
        config.bootstrapServers(), config.stateDir(), config.dedupHorizon(), config.priceFallback());
    RequiredTopics.check(config.bootstrapServers());

    Topology topology = PricingTopology.buildTopology(config);
    LOG.debug("topology:\n{}", topology.describe());
    KafkaStreams streams = new KafkaStreams(topology, config.streamsProperties());
    CountDownLatch stopped = new CountDownLatch(1);
    streams.setStateListener((now, before) -> {
      LOG.info("state {} -> {}", before, now);
      if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
        stopped.countDown();
      }
    });
    streams.setUncaughtExceptionHandler(ProcessorApp::onStreamThreadFailure);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping");
      streams.close(CLOSE_TIMEOUT);
    }, "tollgate-processor-shutdown"));

    streams.start();
    stopped.await();
    if (streams.state() == KafkaStreams.State.ERROR) {
      LOG.error("the stream processor failed; see the errors above");
      System.exit(1);
    }
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
