package dev.tollgate.cli;

import dev.tollgate.config.Env;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where the launcher finds the local stack and keeps its data. Every value can be overridden by an
 * environment variable; the defaults describe the local stack of one checkout.
 */
public record Settings(
    Path root,
    Path dataDir,
    String kafkaBootstrap,
    int kafkaControllerPort,
    String clickHouseUrl,
    int clickHouseTcpPort,
    int clickHouseInterserverPort,
    int partitions,
    Env env) {

  public static final String HOME = "TOLLGATE_HOME";
  public static final String DATA_DIR = "TOLLGATE_DATA_DIR";
  public static final String CONTROLLER_PORT = "TOLLGATE_KAFKA_CONTROLLER_PORT";
  public static final String CLICKHOUSE_TCP_PORT = "TOLLGATE_CLICKHOUSE_TCP_PORT";
  public static final String CLICKHOUSE_INTERSERVER_PORT = "TOLLGATE_CLICKHOUSE_INTERSERVER_PORT";
  public static final String PARTITIONS = "TOLLGATE_PARTITIONS";

  public static Settings from(Env env) {
    Path root = Path.of(env.string(HOME, ".")).toAbsolutePath().normalize();
    return new Settings(
        root,
        Path.of(env.string(DATA_DIR, root.resolve(".tollgate").toString())).toAbsolutePath(),
        env.kafkaBootstrap(),
        env.integer(CONTROLLER_PORT, 9093),
        env.clickHouseUrl(),
        env.integer(CLICKHOUSE_TCP_PORT, 9000),
        env.integer(CLICKHOUSE_INTERSERVER_PORT, 9009),
        env.integer(PARTITIONS, 2),
        env);
  }

  /** The port of the first bootstrap server, where the local broker listens. */
  public int kafkaPort() {
    String first = kafkaBootstrap.split(",")[0];
    return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
  }

  public int clickHouseHttpPort() {
    int port = URI.create(clickHouseUrl).getPort();
    return port < 0 ? 8123 : port;
  }

  public Path defaultCatalog() {
    return root.resolve("deploy/prices/catalog.json");
  }

  /** Budgets that the demo workload crosses. */
  public Path demoBudgets() {
    return root.resolve("deploy/budgets/demo.json");
  }
}
