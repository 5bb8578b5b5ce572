package dev.tollgate.cli.command;

import dev.tollgate.bench.alerts.AlertLatencyBenchmark;
import dev.tollgate.bench.alerts.AlertLatencyResult;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.service.LocalStack;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "alerts", description = {
    "Alert latency on the local stack: from publishing the event that crosses a budget threshold until its",
    "alert is readable on tollgate.alerts, under a background load. Appended to DATA_DIR/bench/results.jsonl."})
public final class BenchAlertsCommand implements Callable<Integer> {
  @Option(names = "--rate", defaultValue = "20000", description = "Background events per second (default ${DEFAULT-VALUE}).")
  int rate;

  @Option(names = "--probes", defaultValue = "200", description = "Threshold-crossing events to time (default ${DEFAULT-VALUE}).")
  int probes;

  @Option(names = "--spacing-ms", defaultValue = "150", description = "Time between two probes (default ${DEFAULT-VALUE}).")
  long spacingMs;

  @Option(names = "--trace-stages", description = {
      "Also time when each probe is priced and re-keyed to its tenant. Reads both busy topics whole, so on a",
      "machine without spare cores it slows the pipeline it measures: for diagnosis only."})
  boolean traceStages;

  private final Settings settings;

  public BenchAlertsCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    new LocalStack(settings, System.out).up();
    AlertLatencyResult result = new AlertLatencyBenchmark(settings.kafkaBootstrap(), System.out, traceStages)
        .run(rate, probes, Duration.ofMillis(spacingMs));
    System.out.println();
    System.out.println(result.table());
    BenchResults.append(settings, result.json());
    return result.timeouts() == 0 ? 0 : 1;
  }
}
