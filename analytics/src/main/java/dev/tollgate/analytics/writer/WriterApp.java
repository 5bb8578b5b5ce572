package dev.tollgate.analytics.writer;

import dev.tollgate.analytics.alerts.AlertWriter;
import dev.tollgate.analytics.alerts.AlertWriterConfig;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.config.Env;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the usage writer and, on a thread of its own, the alert writer until the process is stopped;
 * applies the DDL first. When either fails, both stop and the process exits with the failure.
 */
public final class WriterApp {
  private static final Logger log = LoggerFactory.getLogger(WriterApp.class);

  private WriterApp() {}

  public static void main(String[] args) throws InterruptedException {
    Env env = Env.system();
    WriterConfig config = WriterConfig.fromEnv(env);
    Schema.apply(new ClickHouseHttp(config.clickHouseUrl(), config.clickHouseUser(), config.clickHousePassword()),
        config.database());
    ClickHouseWriter usage = new ClickHouseWriter(config);
    AlertWriter alerts = new AlertWriter(AlertWriterConfig.fromEnv(env));
    Runnable stopBoth = () -> {
      usage.stop();
      alerts.stop();
    };
    AtomicReference<RuntimeException> failure = new AtomicReference<>();
    Thread alertThread = new Thread(() -> runUntilFailure("alert writer", alerts::run, stopBoth, failure), "alert-writer");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopBoth.run();
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "writer-shutdown"));
    try {
      alertThread.start();
      runUntilFailure("writer", usage::run, stopBoth, failure);
      alertThread.join();
    } finally {
      stopped.countDown();
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }

  private static void runUntilFailure(String name, Runnable writer, Runnable stopBoth,
      AtomicReference<RuntimeException> failure) {
    try {
      writer.run();
    } catch (RuntimeException e) {
      log.error("{} failed; stopping", name, e);
      failure.compareAndSet(null, e);
      stopBoth.run();
    }
  }
}
