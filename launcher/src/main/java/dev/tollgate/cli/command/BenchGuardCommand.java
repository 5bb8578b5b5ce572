package dev.tollgate.cli.command;

import dev.tollgate.bench.guard.GuardLatencyBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "guard", description = {
    "Decision latency of the budget guard (JMH, sample time): check() on a guard holding 1,000 tenants × 5 budgets.",
    "Needs no running stack."})
public final class BenchGuardCommand implements Callable<Integer> {
  @Option(names = "--forks", defaultValue = "1", description = "JMH forks (default ${DEFAULT-VALUE}).")
  int forks;

  @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations of 2 s per fork (default ${DEFAULT-VALUE}).")
  int iterations;

  @Override
  public Integer call() throws Exception {
    GuardLatencyBenchmark.Result result = GuardLatencyBenchmark.run(System.out, forks, iterations);
    System.out.println();
    System.out.println(result.table());
    return 0;
  }
}
