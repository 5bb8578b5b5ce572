package dev.tollgate.cli;

import dev.tollgate.cli.command.BenchCommand;
import dev.tollgate.cli.command.DemoCommand;
import dev.tollgate.cli.command.DownCommand;
import dev.tollgate.cli.command.PricesCommand;
import dev.tollgate.cli.command.PublishCommand;
import dev.tollgate.cli.command.StatusCommand;
import dev.tollgate.cli.command.UpCommand;
import dev.tollgate.config.Env;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one launcher of every Tollgate command: {@code ./tollgate COMMAND}. */
@Command(name = "tollgate", mixinStandardHelpOptions = true, version = "tollgate 0.1.0",
    description = "Live cost tracking and budget enforcement for AI calls.",
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, DemoCommand.class,
        PublishCommand.class, PricesCommand.class, BenchCommand.class})
public final class Tollgate {

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.from(Env.system());
    } catch (IllegalArgumentException e) {
      System.err.println("configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    int code = new CommandLine(new Tollgate(), new SettingsFactory(settings)).execute(args);
    System.exit(code);
  }

  /** Gives every command that asks for it the settings read once at start. */
  private record SettingsFactory(Settings settings) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == Settings.class) {
          c.setAccessible(true);
          return type.cast(c.newInstance(settings));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
