package dev.tollgate.cli.command;

import dev.tollgate.bench.guard.OvershootBenchmark;
import dev.tollgate.bench.guard.OvershootResult;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.service.LocalStack;
import java.math.BigDecimal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "overshoot", description = {
    "How far spend overshoots one hard budget when several services, each with its own guard, spend against it",
    "in parallel, and how fast budget status reaches the guards. Runs on the local stack."})
public final class BenchOvershootCommand implements Callable<Integer> {
  @Option(names = "--services", defaultValue = "4", description = "Services spending in parallel (default ${DEFAULT-VALUE}).")
  int services;

  @Option(names = "--rate", defaultValue = "25", description = "Calls per second of each service (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--limit-usd", defaultValue = "5", description = "The hard daily budget (default ${DEFAULT-VALUE}).")
  BigDecimal limitUsd;

  @Option(names = "--no-local-allowances", description = "Baseline: guards go by the published status alone.")
  boolean withoutAllowances;

  private final Settings settings;

  public BenchOvershootCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    new LocalStack(settings, System.out).up();
    OvershootBenchmark.Settings defaults = OvershootBenchmark.Settings.defaults(settings.kafkaBootstrap());
    OvershootBenchmark.Settings chosen = new OvershootBenchmark.Settings(defaults.bootstrap(), services, rate, limitUsd,
        defaults.provider(), defaults.model(), defaults.inputTokens(), defaults.maxOutputTokens(), !withoutAllowances);
    OvershootResult result = OvershootBenchmark.run(chosen, System.out);
    System.out.println();
    System.out.println(result.table());
    return 0;
  }
}
