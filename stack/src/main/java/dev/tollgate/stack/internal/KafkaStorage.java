package dev.tollgate.stack.internal;

import dev.tollgate.stack.StackException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * Formats a KRaft log folder once. Without {@code --standalone}: the controller quorum is the static
 * {@code controller.quorum.voters} of the generated server.properties.
 */
public final class KafkaStorage {

  private static final long FORMAT_TIMEOUT_SECONDS = 120;

  private KafkaStorage() {
  }

  public static void formatIfNeeded(KafkaLayout layout, String java, String classpath) {
    if (layout.isFormatted()) {
      return;
    }
    List<String> command = List.of(java, "-Xmx256m", "-cp", classpath, "kafka.tools.StorageTool", "format",
        "-t", Uuid.randomUuid().toString(), "-c", layout.serverProperties().toString(), "--ignore-formatted");
    int exit = run(command, layout);
    if (exit != 0 || !layout.isFormatted()) {
      throw new StackException("formatting Kafka storage in " + layout.kraftLogDir() + " failed (exit " + exit + "); "
          + Readiness.describeLog(layout.formatLog()));
    }
  }

  private static int run(List<String> command, KafkaLayout layout) {
    try {
      Files.createDirectories(layout.logDir());
      Process process = new ProcessBuilder(command)
          .directory(layout.dataDir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(layout.formatLog().toFile())
          .start();
      process.getOutputStream().close();
      if (!process.waitFor(FORMAT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new StackException("formatting Kafka storage took longer than " + FORMAT_TIMEOUT_SECONDS + " s");
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new StackException("cannot run kafka.tools.StorageTool", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StackException("interrupted while formatting Kafka storage", e);
    }
  }
}
