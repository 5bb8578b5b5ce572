package dev.tollgate.stack.internal;

import dev.tollgate.stack.StackException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The ClickHouse server program: upstream packages ship one {@code clickhouse} binary that takes the
 * tool name as first argument, Debian's 18.16 package ships {@code /usr/sbin/clickhouse-server}.
 */
public record ClickHouseBinary(Path path) {

  /** Overrides which ClickHouse server binary is run. */
  public static final String BINARY_ENV = "TOLLGATE_CLICKHOUSE_BIN";
  private static final List<Path> KNOWN_PATHS = List.of(
      Path.of("/usr/bin/clickhouse"), Path.of("/usr/sbin/clickhouse-server"), Path.of("/usr/bin/clickhouse-server"));

  public static ClickHouseBinary locate() {
    return locate(System.getenv(BINARY_ENV), KNOWN_PATHS, Executables::onPath);
  }

  static ClickHouseBinary locate(String configured, List<Path> knownPaths, Function<String, Optional<Path>> onPath) {
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured.trim());
      if (!Executables.isExecutable(path)) {
        throw new StackException(BINARY_ENV + "=" + configured + " is not an executable file");
      }
      return new ClickHouseBinary(path);
    }
    return Stream.concat(knownPaths.stream().filter(Executables::isExecutable),
            Stream.of("clickhouse", "clickhouse-server").map(onPath).flatMap(Optional::stream))
        .findFirst()
        .map(ClickHouseBinary::new)
        .orElseThrow(() -> new StackException("ClickHouse is not installed (looked for " + knownPaths
            + " and clickhouse, clickhouse-server on PATH). Install it with: apt-get install clickhouse-server"
            + " (or point " + BINARY_ENV + " at a clickhouse binary)"));
  }

  public List<String> serverCommand(Path configFile) {
    List<String> command = new ArrayList<>();
    command.add(path.toString());
    if (path.getFileName().toString().equals("clickhouse")) {
      command.add("server");
    }
    command.add("--config-file=" + configFile);
    return command;
  }
}
