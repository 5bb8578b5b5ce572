package dev.tollgate.analytics.writer;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.config.Env;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the ClickHouse writer until the process is stopped; applies the DDL first. */
public final class WriterApp {
  private static final Logger log = LoggerFactory.getLogger(WriterApp.class);

  private WriterApp() {}

  public static void main(String[] args) throws InterruptedException {
    WriterConfig config = WriterConfig.fromEnv(Env.system());
    Schema.apply(new ClickHouseHttp(config.clickHouseUrl(), config.clickHouseUser(), config.clickHousePassword()),
        config.database());
    ClickHouseWriter writer = new ClickHouseWriter(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      writer.stop();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "writer-shutdown"));
    try {
      writer.run();
    } catch (RuntimeException e) {
      log.error("writer failed", e);
      throw e;
    } finally {
      stopped.countDown();
    }
  }
}
