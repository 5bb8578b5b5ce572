package dev.tollgate.stack.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server process with a pid file in its data folder.
 * Detached: in its own session (a Ctrl-C in the launching terminal does not reach it), outliving this JVM.
 * Attached: killed by a shutdown hook when this JVM exits.
 */
public final class LocalProcess {

  private static final Logger LOG = LoggerFactory.getLogger(LocalProcess.class);
  private static final Duration HOOK_GRACE = Duration.ofSeconds(15);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final String name;
  private final PidFile pidFile;
  private final ProcessHandle handle;
  private final Thread shutdownHook;

  private LocalProcess(String name, PidFile pidFile, ProcessHandle handle, Thread shutdownHook) {
    this.name = name;
    this.pidFile = pidFile;
    this.handle = handle;
    this.shutdownHook = shutdownHook;
  }

  /** Starts the command in the data folder; stdin is /dev/null, stdout and stderr go to the output log. */
  public static LocalProcess spawn(String name, List<String> command, Path dataDir, Path outputLog, boolean detached) {
    PidFile pidFile = new PidFile(dataDir, name);
    List<String> fullCommand = new ArrayList<>();
    if (detached) {
      Executables.onPath("setsid").ifPresentOrElse(
          setsid -> fullCommand.add(setsid.toString()),
          () -> LOG.warn("setsid not found: {} stays in this terminal's session and a Ctrl-C here stops it", name));
    }
    fullCommand.addAll(command);
    ProcessHandle handle = start(fullCommand, dataDir, outputLog).toHandle();
    pidFile.write(handle.pid());
    Thread hook = detached ? null : registerShutdownHook(name, handle, pidFile);
    return new LocalProcess(name, pidFile, handle, hook);
  }

  /** The live process recorded in the data folder's pid file, if any; never killed by a shutdown hook. */
  public static Optional<LocalProcess> adopt(String name, Path dataDir) {
    PidFile pidFile = new PidFile(dataDir, name);
    return pidFile.liveProcess().map(handle -> new LocalProcess(name, pidFile, handle, null));
  }

  public long pid() {
    return handle.pid();
  }

  public boolean isAlive() {
    return handle.isAlive();
  }

  /** SIGTERM, then SIGKILL after the grace period; the pid file goes in both cases. */
  public void stop(Duration grace) {
    unregisterShutdownHook();
    terminate(name, handle, grace);
    pidFile.delete();
  }

  private static Process start(List<String> command, Path dataDir, Path outputLog) {
    try {
      Files.createDirectories(outputLog.getParent());
      return new ProcessBuilder(command)
          .directory(dataDir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(outputLog.toFile()))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  private static Thread registerShutdownHook(String name, ProcessHandle handle, PidFile pidFile) {
    Thread hook = new Thread(() -> {
      terminate(name, handle, HOOK_GRACE);
      pidFile.delete();
    }, "stop-" + name);
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private void unregisterShutdownHook() {
    if (shutdownHook == null) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is already running or about to; stopping twice is harmless
    }
  }

  private static void terminate(String name, ProcessHandle handle, Duration grace) {
    if (!handle.isAlive()) {
      return;
    }
    handle.destroy();
    if (awaitExit(handle, grace)) {
      return;
    }
    LOG.warn("{} (pid {}) still running {} s after SIGTERM, killing it", name, handle.pid(), grace.toSeconds());
    handle.destroyForcibly();
    if (!awaitExit(handle, KILL_WAIT)) {
      throw new IllegalStateException(name + " (pid " + handle.pid() + ") survived SIGKILL");
    }
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    } catch (ExecutionException e) {
      return !handle.isAlive();
    }
  }
}
