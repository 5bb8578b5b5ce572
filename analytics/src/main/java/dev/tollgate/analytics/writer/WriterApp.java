package dev.tollgate.analytics.writer;

import dev.tollgate.analytics.alerts.AlertWriter;
import dev.tollgate.analytics.alerts.AlertWriterConfig;
import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.config.Env;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the usage writer and, on a thread of its own, the alert writer until the process is stopped.
 * Their ClickHouse user may not create tables, so the DDL is applied beforehand by a user that may
 * ({@code ./tollgate up} does it on the local stack); the writers only check that their tables exist.
 * When either fails, both stop and the process exits with the failure.
 */
public final class WriterApp {
  private static final Logger log = LoggerFactory.getLogger(WriterApp.class);

  private WriterApp() {}

  public static void main(String[] args) throws InterruptedException {
    Env env = Env.system();
    WriterConfig config = WriterConfig.fromEnv(env);
    requireTables(config);
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

  /** Fails, saying what to do, unless ClickHouse lets the writers' user in and holds the tables they write. */
  static void requireTables(WriterConfig config) {
    ClickHouseHttp clickHouse =
        new ClickHouseHttp(config.clickHouseUrl(), config.clickHouseUser(), config.clickHousePassword());
    List<String> missing;
    try {
      missing = Schema.missingTables(clickHouse, config.database(), Schema.WRITTEN_TABLES);
    } catch (ClickHouseException e) {
      if (e.status() == 401 || e.status() == 403) {
        throw new IllegalStateException("ClickHouse at " + clickHouse.url() + " refused user " + config.clickHouseUser()
            + " (" + WriterConfig.CLICKHOUSE_USER + ", " + WriterConfig.CLICKHOUSE_PASSWORD + "): " + e.getMessage()
            + ". The local stack defines it in deploy/local/clickhouse-users.xml, which ClickHouse reads when it starts:"
            + " restart a stack started before it existed (./tollgate down, then ./tollgate up). Elsewhere create it as"
            + " docs/analytics.md shows.", e);
      }
      throw e;
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("ClickHouse database " + config.database() + " at " + clickHouse.url()
          + " has no table " + String.join(", ", missing) + ", and the writers' user " + config.clickHouseUser()
          + " may not create tables. Apply the schema first as a user that may: ./tollgate up does it on the local"
          + " stack; elsewhere run the files of analytics/src/main/resources/clickhouse/ in name order, with"
          + " ${database} replaced (docs/analytics.md).");
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
