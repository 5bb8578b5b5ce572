package dev.tollgate.stack;

import dev.tollgate.stack.internal.ClickHouseBinary;
import dev.tollgate.stack.internal.ClickHouseLayout;
import dev.tollgate.stack.internal.LocalProcess;
import dev.tollgate.stack.internal.Readiness;
import dev.tollgate.stack.internal.Template;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ClickHouse server as a local process with its own config, data folder and ports, on 127.0.0.1 only.
 * User {@code default} has no password and full access; user {@code analyst} can only read.
 *
 * <p>If the data folder already holds a running server (live pid file), {@link #start} does not start a
 * second one: it returns a handle to the running server once that answers on the requested HTTP port.
 */
public final class ClickHouseServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ClickHouseServer.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  /** @param detached true: the server outlives this JVM (the launcher); false: it is killed when this JVM exits (tests) */
  public record Options(Path dataDir, int httpPort, int tcpPort, int interserverPort, boolean detached) {

    public Options {
      dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
      Ports.requireValid("httpPort", httpPort);
      Ports.requireValid("tcpPort", tcpPort);
      Ports.requireValid("interserverPort", interserverPort);
      if (IntStream.of(httpPort, tcpPort, interserverPort).distinct().count() < 3) {
        throw new IllegalArgumentException("httpPort, tcpPort, interserverPort: must be three different ports, got "
            + httpPort + ", " + tcpPort + ", " + interserverPort);
      }
    }

    /** The local stack of the launcher: HTTP 8123, native TCP 9000, interserver 9009, detached. */
    public static Options local(Path dataDir) {
      return new Options(dataDir, 8123, 9000, 9009, true);
    }
  }

  private final Options options;
  private final ClickHouseLayout layout;
  private volatile LocalProcess process;

  private ClickHouseServer(Options options) {
    this.options = options;
    this.layout = new ClickHouseLayout(options.dataDir());
  }

  /** Writes the config into the data folder, starts the process, returns when {@code GET /ping} answers "Ok.". */
  public static ClickHouseServer start(Options options) {
    ClickHouseServer server = new ClickHouseServer(options);
    Optional<LocalProcess> running = LocalProcess.adopt(ClickHouseLayout.NAME, server.layout.dataDir());
    if (running.isPresent()) {
      server.adopt(running.get());
    } else {
      server.launch();
    }
    return server;
  }

  /** The pid from the data folder's pid file, only if that process is alive. */
  public static Optional<Long> runningPid(Path dataDir) {
    return LocalProcess.adopt(ClickHouseLayout.NAME, dataDir).map(LocalProcess::pid);
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + options.httpPort();
  }

  public long pid() {
    return process.pid();
  }

  public Options options() {
    return options;
  }

  /** SIGTERM, up to 30 s to shut down, then SIGKILL; removes the pid file and keeps the data. */
  public synchronized void stop() {
    process.stop(STOP_GRACE);
    LOG.info("ClickHouse {} stopped", httpUrl());
  }

  /**
   * Stops the process but keeps its data, waits, then starts again with the same options: for tests of
   * "ClickHouse down for a while". This handle stays valid and points at the new process.
   */
  public synchronized ClickHouseServer restart(Duration downFor) {
    stop();
    Readiness.sleep(downFor);
    launch();
    return this;
  }

  /** Stops the server unless it was started detached. */
  @Override
  public void close() {
    if (!options.detached()) {
      stop();
    }
  }

  private void launch() {
    long startedAt = System.nanoTime();
    ClickHouseBinary binary = ClickHouseBinary.locate();
    Readiness.requireFreePorts("ClickHouse", options.httpPort(), options.tcpPort(), options.interserverPort());
    writeConfig();
    process = LocalProcess.spawn(ClickHouseLayout.NAME, binary.serverCommand(layout.config()),
        layout.dataDir(), layout.outputLog(), options.detached());
    try {
      Readiness.await("ClickHouse " + httpUrl(), process, List.of(layout.errorLog(), layout.outputLog()), this::answersPing);
    } catch (RuntimeException notReady) {
      process.stop(Duration.ofSeconds(5));
      throw notReady;
    }
    LOG.info("ClickHouse ready at {} in {} ms (pid {}, data {})", httpUrl(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), pid(), layout.dataDir());
  }

  private void adopt(LocalProcess running) {
    LOG.info("ClickHouse already running from {} (pid {})", layout.dataDir(), running.pid());
    process = running;
    try {
      Readiness.await("ClickHouse " + httpUrl(), running, List.of(layout.errorLog(), layout.outputLog()),
          Readiness.RUNNING_SERVER_TIMEOUT, this::answersPing);
    } catch (StackException notOnThisPort) {
      throw new StackException("a ClickHouse server from " + layout.dataDir() + " is already running (pid "
          + running.pid() + ") but does not answer on " + httpUrl() + "; stop it first", notOnThisPort);
    }
  }

  private void writeConfig() {
    Template.xml("clickhouse-users.xml").renderTo(layout.usersConfig(), Map.of());
    Template.xml("clickhouse-config.xml").renderTo(layout.config(), Map.of(
        "logDir", layout.logDir(),
        "httpPort", options.httpPort(),
        "tcpPort", options.tcpPort(),
        "interserverPort", options.interserverPort(),
        "dataPath", layout.folder("data"),
        "tmpPath", layout.folder("tmp"),
        "userFilesPath", layout.folder("user_files"),
        "formatSchemaPath", layout.folder("format_schemas"),
        "usersConfig", layout.usersConfig()));
  }

  private boolean answersPing() {
    HttpRequest ping = HttpRequest.newBuilder(URI.create(httpUrl() + "/ping")).timeout(Duration.ofSeconds(2)).GET().build();
    try {
      HttpResponse<String> response = HTTP.send(ping, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().trim().equals("Ok.");
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
