package dev.tollgate.cli.command;

import dev.tollgate.cli.Settings;
import dev.tollgate.cli.service.LocalStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "down", description = "Stop what ./tollgate up started; the data stays in the data directory.")
public final class DownCommand implements Callable<Integer> {
  private final Settings settings;

  public DownCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    new LocalStack(settings, System.out).down();
    return 0;
  }
}
