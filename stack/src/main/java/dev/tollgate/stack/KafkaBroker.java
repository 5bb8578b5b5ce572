package dev.tollgate.stack;

import dev.tollgate.stack.internal.BrokerClasspath;
import dev.tollgate.stack.internal.KafkaLayout;
import dev.tollgate.stack.internal.KafkaStorage;
import dev.tollgate.stack.internal.LocalProcess;
import dev.tollgate.stack.internal.Readiness;
import dev.tollgate.stack.internal.Template;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Apache Kafka broker as a local process: KRaft, one node that is both broker and controller,
 * listening on 127.0.0.1 only. Its jars are the {@code kafka_2.13} artifacts this module was built with.
 *
 * <p>If the data folder already holds a running broker (live pid file), {@link #start} does not start a
 * second one: it returns a handle to the running broker once that answers on the requested port.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  /**
   * @param detached true: the broker outlives this JVM (the launcher); false: it is killed when this JVM exits (tests)
   * @param heap     maximum heap of the broker JVM, in {@code -Xmx} syntax, e.g. {@code 1g} or {@code 512m}
   */
  public record Options(Path dataDir, int port, int controllerPort, boolean detached, String heap) {

    public Options {
      dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
      Ports.requireValid("port", port);
      Ports.requireValid("controllerPort", controllerPort);
      if (port == controllerPort) {
        throw new IllegalArgumentException("controllerPort: must differ from port " + port);
      }
      if (heap == null || !heap.matches("[1-9][0-9]*[kKmMgG]?")) {
        throw new IllegalArgumentException("heap: expected a size such as 512m or 1g, got " + heap);
      }
    }

    /** The local stack of the launcher: 127.0.0.1:9092, controller on 9093, detached, 1 GB heap. */
    public static Options local(Path dataDir) {
      return new Options(dataDir, 9092, 9093, true, "1g");
    }
  }

  private final Options options;
  private final LocalProcess process;

  private KafkaBroker(Options options, LocalProcess process) {
    this.options = options;
    this.process = process;
  }

  /** Formats storage on first use, starts the process, returns when the broker answers AdminClient.describeCluster. */
  public static KafkaBroker start(Options options) {
    KafkaLayout layout = new KafkaLayout(options.dataDir());
    Optional<LocalProcess> running = LocalProcess.adopt(KafkaLayout.NAME, layout.dataDir());
    if (running.isPresent()) {
      return adopt(options, layout, running.get());
    }
    long startedAt = System.nanoTime();
    Readiness.requireFreePorts("the Kafka broker", options.port(), options.controllerPort());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = BrokerClasspath.load();
    writeConfig(options, layout);
    KafkaStorage.formatIfNeeded(layout, java, classpath);
    LocalProcess process = LocalProcess.spawn(KafkaLayout.NAME, command(options, layout, java, classpath),
        layout.dataDir(), layout.outputLog(), options.detached());
    return awaitReady(new KafkaBroker(options, process), layout, startedAt);
  }

  /** The pid from the data folder's pid file, only if that process is alive. */
  public static Optional<Long> runningPid(Path dataDir) {
    return LocalProcess.adopt(KafkaLayout.NAME, dataDir).map(LocalProcess::pid);
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + options.port();
  }

  public long pid() {
    return process.pid();
  }

  public Options options() {
    return options;
  }

  /** SIGTERM, up to 30 s for a controlled shutdown, then SIGKILL; removes the pid file. */
  public void stop() {
    process.stop(STOP_GRACE);
    LOG.info("Kafka broker {} stopped", bootstrapServers());
  }

  /** Stops the broker unless it was started detached. */
  @Override
  public void close() {
    if (!options.detached()) {
      stop();
    }
  }

  private static void writeConfig(Options options, KafkaLayout layout) {
    Template.properties("kafka-server.properties").renderTo(layout.serverProperties(), Map.of(
        "port", options.port(),
        "controllerPort", options.controllerPort(),
        "logDirs", layout.kraftLogDir()));
    Template.xml("kafka-log4j2.xml").renderTo(layout.log4jConfig(), Map.of("logDir", layout.logDir()));
  }

  private static List<String> command(Options options, KafkaLayout layout, String java, String classpath) {
    return List.of(java,
        "-Xmx" + options.heap(),
        "-XX:+UseG1GC",
        "-XX:MaxGCPauseMillis=20",
        "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + layout.log4jConfig(),
        "-Dkafka.logs.dir=" + layout.logDir(),
        "-cp", classpath,
        "kafka.Kafka", layout.serverProperties().toString());
  }

  private static KafkaBroker adopt(Options options, KafkaLayout layout, LocalProcess running) {
    LOG.info("Kafka broker already running from {} (pid {})", layout.dataDir(), running.pid());
    KafkaBroker broker = new KafkaBroker(options, running);
    try {
      Readiness.await("Kafka broker " + broker.bootstrapServers(), running, List.of(layout.serverLog(), layout.outputLog()),
          Readiness.RUNNING_SERVER_TIMEOUT, () -> Readiness.acceptsConnections(options.port()) && broker.answersDescribeCluster());
    } catch (StackException notOnThesePorts) {
      throw new StackException("a Kafka broker from " + layout.dataDir() + " is already running (pid " + running.pid()
          + ") but does not answer on " + broker.bootstrapServers() + "; stop it first", notOnThesePorts);
    }
    return broker;
  }

  private static KafkaBroker awaitReady(KafkaBroker broker, KafkaLayout layout, long startedAt) {
    try {
      Readiness.await("Kafka broker " + broker.bootstrapServers(), broker.process, List.of(layout.serverLog(), layout.outputLog()),
          () -> Readiness.acceptsConnections(broker.options.port()) && broker.answersDescribeCluster());
    } catch (RuntimeException notReady) {
      broker.process.stop(Duration.ofSeconds(5));
      throw notReady;
    }
    LOG.info("Kafka broker ready at {} in {} ms (pid {}, data {})", broker.bootstrapServers(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), broker.pid(), layout.dataDir());
    return broker;
  }

  private boolean answersDescribeCluster() {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(config)) {
      return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception notYet) {
      return false;
    }
  }
}
