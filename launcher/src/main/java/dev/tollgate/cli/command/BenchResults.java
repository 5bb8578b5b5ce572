package dev.tollgate.cli.command;

import dev.tollgate.cli.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Every benchmark run is kept, one JSON object per line, to compare runs over time. */
final class BenchResults {
  private BenchResults() {}

  static void append(Settings settings, String json) throws IOException {
    Path results = settings.dataDir().resolve("bench").resolve("results.jsonl");
    Files.createDirectories(results.getParent());
    Files.writeString(results, json + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("appended to " + results);
  }
}
