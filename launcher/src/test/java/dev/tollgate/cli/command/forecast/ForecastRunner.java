package dev.tollgate.cli.command.forecast;

import dev.tollgate.cli.Settings;
import dev.tollgate.cli.Tollgate;
import dev.tollgate.config.Env;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs {@code ./tollgate forecast …} in this JVM, as the launcher does, and keeps what it prints.
 */
final class ForecastRunner {
  private final Settings settings;

  ForecastRunner(Map<String, String> env) {
    this.settings = Settings.from(new Env(env));
  }

  record Result(int exitCode, String out, String err) {}

  synchronized Result run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Tollgate.commandLine(settings).execute(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    Result result = new Result(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    out.println("$ tollgate " + String.join(" ", args) + "  (exit " + code + ")\n" + result.out() + result.err());
    return result;
  }
}
