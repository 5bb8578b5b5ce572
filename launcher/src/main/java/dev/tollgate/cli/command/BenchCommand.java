package dev.tollgate.cli.command;

import dev.tollgate.bench.BenchResult;
import dev.tollgate.bench.DiskRoom;
import dev.tollgate.bench.PipelineBenchmark;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.service.LocalStack;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", subcommands = {BenchAlertsCommand.class, BenchGuardCommand.class, BenchOvershootCommand.class,
    BenchSdkCommand.class, BenchGatewayCommand.class, BenchReportsCommand.class}, description = {
    "End-to-end benchmark on the local stack: publish N events, wait until all are in ClickHouse,",
    "report throughput and publish-to-priced latency percentiles. Results are appended to DATA_DIR/bench/results.jsonl."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "2000000", description = "Events to publish (default ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--rate", defaultValue = "0", description = "Events per second to publish; 0 = as fast as possible (default).")
  int rate;

  @Option(names = "--warmup", defaultValue = "300000", description = {
      "Events pushed through first and not reported (default ${DEFAULT-VALUE}), so that the figures are those of",
      "warm JVMs (JIT-compiled broker, processor and writer), as in a running deployment; 0 to skip."})
  int warmup;

  private final Settings settings;

  public BenchCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    Optional<String> shortage = DiskRoom.shortage((long) events + warmup, settings.dataDir());
    if (shortage.isPresent()) {
      System.err.println("bench: " + shortage.get());
      return 2;
    }
    LocalStack stack = new LocalStack(settings, System.out);
    stack.up();
    PipelineBenchmark bench = new PipelineBenchmark(settings.kafkaBootstrap(), stack.clickHouse(),
        settings.env().clickHouseDatabase(), settings.partitions(), System.out);
    if (warmup > 0) {
      BenchResult warm = bench.run(warmup, rate);
      System.out.printf("warm-up: %,d events, %,.0f events/s; now the measured run%n", warmup, warm.throughputPerSecond());
    }
    BenchResult result = bench.run(events, rate);
    System.out.println();
    System.out.println(result.table());
    BenchResults.append(settings, result.json());
    return result.rowsInClickHouse() == events && result.distinctInClickHouse() == events ? 0 : 1;
  }
}
