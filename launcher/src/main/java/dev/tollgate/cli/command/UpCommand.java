package dev.tollgate.cli.command;

import dev.tollgate.cli.Settings;
import dev.tollgate.cli.service.LocalStack;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "up", description = "Start the local stack: Kafka, ClickHouse, topics, tables, price catalog, processor, writer.")
public final class UpCommand implements Callable<Integer> {
  private final Settings settings;

  public UpCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    new LocalStack(settings, System.out).up();
    System.out.println("up: data in " + settings.dataDir() + "; ./tollgate status shows how far behind the consumers are");
    return 0;
  }
}
