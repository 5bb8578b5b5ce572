package dev.tollgate.stack.internal;

import dev.tollgate.stack.StackException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Polls a starting server until it answers, gives up when its process dies or the start timeout passes. */
public final class Readiness {

  /** Overrides how long a server may take to become ready, in seconds. */
  public static final String START_TIMEOUT_ENV = "TOLLGATE_STACK_START_TIMEOUT_SECONDS";
  private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
  /** How long a server that was already running may take to answer. */
  public static final Duration RUNNING_SERVER_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final int LOG_TAIL_LINES = 30;

  private Readiness() {
  }

  public static Duration startTimeout() {
    String configured = System.getenv(START_TIMEOUT_ENV);
    if (configured == null || configured.isBlank()) {
      return DEFAULT_START_TIMEOUT;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(configured.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(START_TIMEOUT_ENV + ": not a whole number of seconds: " + configured);
    }
  }

  /**
   * Waits until {@code ready} holds. The process is checked first on every round, so a server that
   * failed at start is reported at once with the end of its log rather than after the full timeout.
   */
  public static void await(String what, LocalProcess process, List<Path> logs, BooleanSupplier ready) {
    await(what, process, logs, startTimeout(), ready);
  }

  public static void await(String what, LocalProcess process, List<Path> logs, Duration timeout, BooleanSupplier ready) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new StackException(what + " exited during start-up; " + describeLogs(logs));
      }
      if (ready.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new StackException(what + " did not become ready within " + timeout.toSeconds() + " s (see " + START_TIMEOUT_ENV + "); "
            + describeLogs(logs));
      }
      sleep(POLL_INTERVAL);
    }
  }

  /** A server of someone else on one of our ports would otherwise answer the readiness checks in our place. */
  public static void requireFreePorts(String what, int... ports) {
    for (int port : ports) {
      if (acceptsConnections(port)) {
        throw new StackException("cannot start " + what + ": 127.0.0.1:" + port + " is already in use by another process");
      }
    }
  }

  public static boolean acceptsConnections(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static String describeLogs(List<Path> logs) {
    return logs.stream().map(Readiness::describeLog).collect(Collectors.joining("\n"));
  }

  public static String describeLog(Path log) {
    return "log " + log + (Files.isReadable(log) ? " ends with:\n" + tail(log) : " (not written)");
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while waiting", e);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
