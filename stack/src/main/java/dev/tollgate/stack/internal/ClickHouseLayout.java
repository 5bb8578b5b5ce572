package dev.tollgate.stack.internal;

import java.nio.file.Path;

/** Where a ClickHouse server keeps its files inside its data folder. */
public record ClickHouseLayout(Path dataDir) {

  public static final String NAME = "clickhouse";

  public ClickHouseLayout {
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  public Path config() {
    return dataDir.resolve("config/config.xml");
  }

  public Path usersConfig() {
    return dataDir.resolve("config/users.xml");
  }

  public Path logDir() {
    return dataDir.resolve("logs");
  }

  public Path outputLog() {
    return logDir().resolve("clickhouse.out");
  }

  public Path errorLog() {
    return logDir().resolve("clickhouse-server.err.log");
  }

  /** ClickHouse 18.16 appends file names to these paths as they are, so each must end with a slash. */
  public String folder(String name) {
    return dataDir.resolve(name) + "/";
  }
}
