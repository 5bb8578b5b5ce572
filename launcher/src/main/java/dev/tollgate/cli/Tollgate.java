package dev.tollgate.cli;

import dev.tollgate.cli.command.AlertingCommand;
import dev.tollgate.cli.command.AlertsCommand;
import dev.tollgate.cli.command.BenchCommand;
import dev.tollgate.cli.command.BillingCommand;
import dev.tollgate.cli.command.BudgetsCommand;
import dev.tollgate.cli.command.DemoCommand;
import dev.tollgate.cli.command.DownCommand;
import dev.tollgate.cli.command.ExampleCommand;
import dev.tollgate.cli.command.HistoryCommand;
import dev.tollgate.cli.command.KeysCommand;
import dev.tollgate.cli.command.PricesCommand;
import dev.tollgate.cli.command.PublishCommand;
import dev.tollgate.cli.command.StatusCommand;
import dev.tollgate.cli.command.UpCommand;
import dev.tollgate.cli.command.forecast.ForecastCommand;
import dev.tollgate.cli.command.recommend.RecommendCommand;
import dev.tollgate.cli.command.reprice.RepriceCommand;
import dev.tollgate.cli.command.report.ReportCommand;
import dev.tollgate.config.Env;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The one launcher of every Tollgate command: {@code ./tollgate COMMAND}. */
@Command(name = "tollgate", mixinStandardHelpOptions = true, version = "tollgate 0.1.0",
    description = "Live cost tracking and budget enforcement for AI calls.",
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, DemoCommand.class,
        PublishCommand.class, PricesCommand.class, BudgetsCommand.class, AlertsCommand.class, BenchCommand.class,
        ExampleCommand.class, AlertingCommand.class, KeysCommand.class, HistoryCommand.class,
        ReportCommand.class, BillingCommand.class, RecommendCommand.class,
        ForecastCommand.class, RepriceCommand.class})
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
    System.exit(commandLine(settings).execute(args));
  }

  /** Every command, each given {@code settings} when it asks for them. */
  public static CommandLine commandLine(Settings settings) {
    return new CommandLine(new Tollgate(), new SettingsFactory(settings));
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
