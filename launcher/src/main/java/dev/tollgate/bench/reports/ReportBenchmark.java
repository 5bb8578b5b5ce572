package dev.tollgate.bench.reports;

import dev.tollgate.cli.Settings;
import dev.tollgate.cli.Tollgate;
import dev.tollgate.config.Env;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How long reports take to answer, two ways: as a user runs them (a new JVM per command, wall time
 * from start to exit) and inside one warm JVM (the queries and the printing only).
 */
public final class ReportBenchmark {
  /** Latencies of one report, in ms, nearest-rank percentiles. */
  public record Timing(String report, String how, int runs, long p50, long p90, long p99, long max) {
    static Timing of(String report, String how, List<Long> ms) {
      long[] sorted = ms.stream().mapToLong(Long::longValue).sorted().toArray();
      return new Timing(report, how, sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long rank(long[] sorted, int p) {
      return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
  }

  private final Settings settings;
  private final String database;
  private final PrintStream log;

  public ReportBenchmark(Settings settings, String database, PrintStream log) {
    this.settings = settings;
    this.database = database;
    this.log = log;
  }

  /** Each report {@code processRuns} times as its own process, then {@code warmRuns} times in this JVM after two unmeasured runs. */
  public List<Timing> run(List<List<String>> reports, int processRuns, int warmRuns) throws IOException, InterruptedException {
    List<Timing> out = new ArrayList<>();
    for (List<String> args : reports) {
      String name = String.join(" ", args);
      List<Long> cold = new ArrayList<>();
      for (int i = 0; i < processRuns; i++) {
        cold.add(asProcess(args));
      }
      out.add(Timing.of(name, "new JVM per run", cold));
      for (int i = 0; i < 2; i++) {
        inThisJvm(args);
      }
      List<Long> warm = new ArrayList<>();
      for (int i = 0; i < warmRuns; i++) {
        warm.add(inThisJvm(args));
      }
      out.add(Timing.of(name, "warm JVM", warm));
      log.printf("%s: process p50 %d ms, warm p50 %d ms%n", name, out.get(out.size() - 2).p50(), out.get(out.size() - 1).p50());
    }
    return out;
  }

  private long asProcess(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Tollgate.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("TOLLGATE_CLICKHOUSE_DATABASE", database);
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (exit != 0) {
      throw new IllegalStateException("./tollgate " + String.join(" ", args) + " exited " + exit);
    }
    return ms;
  }

  private long inThisJvm(List<String> args) {
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    long start = System.nanoTime();
    int exit;
    try {
      exit = Tollgate.commandLine(withDatabase()).execute(args.toArray(String[]::new));
    } finally {
      System.setOut(out);
    }
    if (exit != 0) {
      throw new IllegalStateException("report " + args + " exited " + exit);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private Settings withDatabase() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TOLLGATE_CLICKHOUSE_DATABASE", database);
    env.put("TOLLGATE_HOME", settings.root().toString());
    return Settings.from(new Env(env));
  }
}
