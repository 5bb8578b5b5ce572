package dev.tollgate.cli.service;

import dev.tollgate.alerting.AlertingConfig;
import dev.tollgate.alerting.receiver.WebhookReceiver;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.kafka.PriceCatalogTopic;
import dev.tollgate.cli.kafka.TopicSetup;
import dev.tollgate.processor.budget.BudgetConfig;
import dev.tollgate.schemas.json.PriceCatalogJson;
import dev.tollgate.stack.ClickHouseServer;
import dev.tollgate.stack.KafkaBroker;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Brings the local stack up and down: broker, ClickHouse, topics, tables, catalog, processor, writer. */
public final class LocalStack {
  public static final String PROCESSOR_MAIN = "dev.tollgate.processor.ProcessorApp";
  public static final String WRITER_MAIN = "dev.tollgate.analytics.writer.WriterApp";
  public static final String GATEWAY_MAIN = "dev.tollgate.ingest.gateway.GatewayApp";
  public static final String ALERTING_MAIN = "dev.tollgate.alerting.AlertingApp";
  public static final String RECEIVER_MAIN = "dev.tollgate.alerting.receiver.WebhookReceiver";
  /** Info alerts of the local stack are grouped for seconds, not minutes, so the demo shows them. */
  private static final String LOCAL_DIGEST_INTERVAL = "PT10S";
  private static final String STATE_DIR = "TOLLGATE_STATE_DIR";
  public static final String SERVICE_JAVA_OPTS = "TOLLGATE_SERVICE_JAVA_OPTS";
  public static final String DEFAULT_SERVICE_JAVA_OPTS = "-XX:+UseG1GC";
  private final Settings settings;
  private final PrintStream out;

  public LocalStack(Settings settings, PrintStream out) {
    this.settings = settings;
    this.out = out;
  }

  public ServiceProcess processor() {
    return new ServiceProcess("processor", settings.dataDir());
  }

  public ServiceProcess gateway() {
    return new ServiceProcess("gateway", settings.dataDir());
  }

  public ServiceProcess writer() {
    return new ServiceProcess("writer", settings.dataDir());
  }

  public ServiceProcess alerting() {
    return new ServiceProcess("alerting", settings.dataDir());
  }

  /** The local webhook receiver that the default routes file (deploy/alerting/routes.json) delivers to. */
  public ServiceProcess receiver() {
    return new ServiceProcess("receiver", settings.dataDir());
  }

  public Path receivedAlerts() {
    return Path.of(settings.env().string(WebhookReceiver.LOG, WebhookReceiver.defaultLog(settings.dataDir()).toString()));
  }

  public Path kafkaDir() {
    return settings.dataDir().resolve("kafka");
  }

  public Path clickHouseDir() {
    return settings.dataDir().resolve("clickhouse");
  }

  public void up() throws Exception {
    Files.createDirectories(settings.dataDir());
    startBroker();
    startClickHouse();
    try (Admin admin = admin()) {
      List<String> created = TopicSetup.ensure(admin, settings.partitions(),
          BudgetConfig.fromEnv(settings.env()).partitions());
      if (!created.isEmpty()) {
        out.println("created topics " + created);
      }
    }
    Schema.apply(clickHouse(), settings.env().clickHouseDatabase());
    loadDefaultCatalogIfEmpty();
    startService(processor(), PROCESSOR_MAIN, "1g");
    startService(writer(), WRITER_MAIN, "768m");
    startService(gateway(), GATEWAY_MAIN, "512m");
    startReceiver();
    startService(alerting(), ALERTING_MAIN, "256m", Map.of(AlertingConfig.DIGEST_INTERVAL,
        settings.env().string(AlertingConfig.DIGEST_INTERVAL, LOCAL_DIGEST_INTERVAL)));
  }

  private void startReceiver() throws Exception {
    String address = settings.env().string(WebhookReceiver.ADDRESS, "127.0.0.1:9999");
    if (receiver().runningPid().isEmpty() && !portFree(address)) {
      out.printf("%-11s not started: %s is taken (another webhook receiver?)%n", receiver().name(), address);
      return;
    }
    startService(receiver(), RECEIVER_MAIN, "64m", Map.of(WebhookReceiver.LOG, receivedAlerts().toString()));
  }

  private static boolean portFree(String address) {
    int colon = address.lastIndexOf(':');
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void startBroker() {
    boolean running = KafkaBroker.runningPid(kafkaDir()).isPresent();
    KafkaBroker broker = KafkaBroker.start(brokerOptions());
    out.printf("kafka       %s  %s (pid %d)%n", running ? "running" : "started", broker.bootstrapServers(), broker.pid());
  }

  private void startClickHouse() {
    boolean running = ClickHouseServer.runningPid(clickHouseDir()).isPresent();
    ClickHouseServer server = ClickHouseServer.start(clickHouseOptions());
    out.printf("clickhouse  %s  %s (pid %d)%n", running ? "running" : "started", server.httpUrl(), server.pid());
  }

  private void loadDefaultCatalogIfEmpty() throws Exception {
    PriceCatalogTopic prices = new PriceCatalogTopic(settings.kafkaBootstrap());
    if (!prices.isEmpty()) {
      return;
    }
    PriceCatalogJson.Catalog catalog = PriceCatalogJson.parse(Files.readString(settings.defaultCatalog()));
    if (!catalog.errors().isEmpty()) {
      throw new IllegalStateException("the default catalog " + settings.defaultCatalog() + " is invalid: " + catalog.errors());
    }
    prices.publish(catalog.entries());
    out.println("loaded the default price catalog: " + catalog.entries().size() + " entries from " + settings.defaultCatalog());
  }

  private void startService(ServiceProcess service, String mainClass, String heap) throws Exception {
    startService(service, mainClass, heap, Map.of());
  }

  private void startService(ServiceProcess service, String mainClass, String heap, Map<String, String> extraEnv)
      throws Exception {
    boolean running = service.runningPid().isPresent();
    String stateDir = settings.env().string(STATE_DIR, settings.dataDir().resolve("state").resolve(service.name()).toString());
    List<String> jvmOptions = List.of(settings.env().string(SERVICE_JAVA_OPTS, DEFAULT_SERVICE_JAVA_OPTS).split("\\s+"));
    Map<String, String> env = new HashMap<>(extraEnv);
    env.put(STATE_DIR, stateDir);
    long pid = service.start(mainClass, heap, jvmOptions, env);
    out.printf("%-11s %s  pid %d, log %s%n", service.name(), running ? "running" : "started", pid, service.logFile());
  }

  public void down() throws Exception {
    report(gateway().name(), gateway().stop());
    // The alerting service sends the digests it holds when it stops: stop it while the receiver still runs.
    report(alerting().name(), alerting().stop());
    report(receiver().name(), receiver().stop());
    report(writer().name(), writer().stop());
    report(processor().name(), processor().stop());
    boolean clickHouseRunning = ClickHouseServer.runningPid(clickHouseDir()).isPresent();
    if (clickHouseRunning) {
      ClickHouseServer.start(clickHouseOptions()).stop();
    }
    report("clickhouse", clickHouseRunning);
    boolean kafkaRunning = KafkaBroker.runningPid(kafkaDir()).isPresent();
    if (kafkaRunning) {
      KafkaBroker.start(brokerOptions()).stop();
    }
    report("kafka", kafkaRunning);
  }

  private KafkaBroker.Options brokerOptions() {
    return new KafkaBroker.Options(kafkaDir(), settings.kafkaPort(), settings.kafkaControllerPort(), true, "1g");
  }

  private ClickHouseServer.Options clickHouseOptions() {
    return new ClickHouseServer.Options(clickHouseDir(), settings.clickHouseHttpPort(),
        settings.clickHouseTcpPort(), settings.clickHouseInterserverPort(), true);
  }

  private void report(String name, boolean wasRunning) {
    out.printf("%-11s %s%n", name, wasRunning ? "stopped" : "was not running");
  }

  public Admin admin() {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    return Admin.create(p);
  }

  public ClickHouseHttp clickHouse() {
    return ClickHouseHttp.fromEnv(settings.env());
  }
}
