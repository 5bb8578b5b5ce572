package dev.tollgate.stack.internal;

import java.nio.file.Path;

/** Where a broker keeps its files inside its data folder. */
public record KafkaLayout(Path dataDir) {

  public static final String NAME = "kafka";

  public KafkaLayout {
    dataDir = dataDir.toAbsolutePath().normalize();
  }

  public Path serverProperties() {
    return dataDir.resolve("config/server.properties");
  }

  public Path log4jConfig() {
    return dataDir.resolve("config/log4j2.xml");
  }

  public Path logDir() {
    return dataDir.resolve("logs");
  }

  public Path outputLog() {
    return logDir().resolve("kafka.out");
  }

  public Path serverLog() {
    return logDir().resolve("server.log");
  }

  public Path formatLog() {
    return logDir().resolve("storage-format.log");
  }

  public Path kraftLogDir() {
    return dataDir.resolve("kraft-logs");
  }

  public boolean isFormatted() {
    return kraftLogDir().resolve("meta.properties").toFile().isFile();
  }
}
