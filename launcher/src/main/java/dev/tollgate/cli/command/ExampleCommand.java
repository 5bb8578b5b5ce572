package dev.tollgate.cli.command;

import dev.tollgate.cli.Settings;
import dev.tollgate.cli.service.LocalStack;
import dev.tollgate.ingest.example.ExampleService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "example", description = {
    "Runs the example service: each call asks the budget guard first, calls a simulated OpenAI model (or the",
    "cheaper model the guard names) and records the usage with the SDK. After ./tollgate demo, tenant acme is",
    "over its hard budget, so its calls are denied with the reason a product would show."})
public final class ExampleCommand implements Callable<Integer> {
  @Parameters(index = "0", defaultValue = "acme", description = "Tenant (default ${DEFAULT-VALUE}).")
  String tenant;

  @Parameters(index = "1", defaultValue = "search", description = "Team (default ${DEFAULT-VALUE}).")
  String team;

  @Parameters(index = "2", defaultValue = "20", description = "Calls to make (default ${DEFAULT-VALUE}).")
  int calls;

  private final Settings settings;

  public ExampleCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    new LocalStack(settings, System.out).up();
    ExampleService.main(new String[] {tenant, team, Integer.toString(calls)});
    return 0;
  }
}
