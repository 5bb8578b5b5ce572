package dev.tollgate.cli.command.recommend;

import dev.tollgate.analytics.recommend.Substitutes;
import dev.tollgate.cli.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Which cheaper models may serve which dear ones: {@code deploy/prices/substitutes.json} unless the environment names another file. */
final class SubstitutesFile {
  static final String VARIABLE = "TOLLGATE_SUBSTITUTES_FILE";

  private SubstitutesFile() {}

  static Path path(Settings settings) {
    return Path.of(settings.env().string(VARIABLE, settings.root().resolve("deploy/prices/substitutes.json").toString()));
  }

  static Substitutes load(Settings settings, PrintStream err) {
    Path file = path(settings);
    if (!Files.exists(file)) {
      err.println("no substitutes file at " + file + " (" + VARIABLE + "): no model switch will be proposed");
      return Substitutes.NONE;
    }
    try {
      return Substitutes.parse(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the substitutes file " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }
}
