package dev.tollgate.cli.service;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Tollgate service (processor, writer) run as its own JVM that outlives the command that started
 * it: own session (a Ctrl-C in the terminal does not reach it), log file and pid file in the data
 * directory.
 */
public final class ServiceProcess {
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);
  private final String name;
  private final Path dataDir;

  public ServiceProcess(String name, Path dataDir) {
    this.name = name;
    this.dataDir = dataDir;
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return dataDir.resolve("logs").resolve(name + ".log");
  }

  private Path pidFile() {
    return dataDir.resolve(name + ".pid");
  }

  /** The pid of the running service, if its pid file names a live process. */
  public Optional<Long> runningPid() {
    try {
      if (!Files.exists(pidFile())) {
        return Optional.empty();
      }
      long pid = Long.parseLong(Files.readString(pidFile()).trim());
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Starts the service unless it runs already; returns its pid. */
  public long start(String mainClass, String heap, List<String> jvmOptions, Map<String, String> env) throws IOException {
    Optional<Long> running = runningPid();
    if (running.isPresent()) {
      return running.get();
    }
    Files.createDirectories(logFile().getParent());
    List<String> command = new ArrayList<>(List.of("setsid",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms" + heap, "-Xmx" + heap));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
        .redirectErrorStream(true);
    pb.environment().putAll(env);
    Process process = pb.start();
    Files.writeString(pidFile(), Long.toString(process.pid()));
    return process.pid();
  }

  /** Asks the service to stop (it flushes and commits), and kills it if it has not after a grace period. */
  public boolean stop() throws IOException {
    Optional<ProcessHandle> handle = runningPid().flatMap(ProcessHandle::of);
    if (handle.isEmpty()) {
      Files.deleteIfExists(pidFile());
      return false;
    }
    ProcessHandle p = handle.get();
    p.destroy();
    try {
      p.onExit().get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception notStopped) {
      p.destroyForcibly();
    }
    Files.deleteIfExists(pidFile());
    return true;
  }
}
