package dev.tollgate.ingest.gateway;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the gateway until the process is stopped; configured by environment variables (see {@link GatewayConfig}). */
public final class GatewayApp {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayApp.class);
  private static final Duration KEYS_PATIENCE = Duration.ofSeconds(60);

  private GatewayApp() {}

  public static void main(String[] args) throws InterruptedException {
    GatewayConfig config;
    try {
      config = GatewayConfig.fromEnv();
    } catch (IllegalArgumentException e) {
      System.err.println("configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    Gateway gateway = Gateway.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LOG.info("stopping the gateway");
      gateway.close();
      stopped.countDown();
    }, "gateway-shutdown"));
    if (gateway.awaitReady(KEYS_PATIENCE)) {
      LOG.info("gateway ready on {} (Kafka {})", gateway.uri(), config.bootstrap());
    } else {
      LOG.warn("the API keys, budget statuses or prices were not read within {} s; requests that need them are answered 503 until they are", KEYS_PATIENCE.toSeconds());
    }
    stopped.await();
  }
}
