package dev.tollgate.cli.command;

import dev.tollgate.bench.BenchResult;
import dev.tollgate.bench.PipelineBenchmark;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.service.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", description = {
    "End-to-end benchmark on the local stack: publish N events, wait until all are in ClickHouse,",
    "report throughput and publish-to-priced latency percentiles. Results are appended to DATA_DIR/bench/results.jsonl."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--events", defaultValue = "2000000", description = "Events to publish (default ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--rate", defaultValue = "0", description = "Events per second to publish; 0 = as fast as possible (default).")
  int rate;

  private final Settings settings;

  public BenchCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    LocalStack stack = new LocalStack(settings, System.out);
    stack.up();
    BenchResult result = new PipelineBenchmark(settings.kafkaBootstrap(), stack.clickHouse(),
        settings.env().clickHouseDatabase(), settings.partitions(), System.out).run(events, rate);
    System.out.println();
    System.out.println(result.table());
    Path results = settings.dataDir().resolve("bench").resolve("results.jsonl");
    Files.createDirectories(results.getParent());
    Files.writeString(results, result.json() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.println("appended to " + results);
    return result.rowsInClickHouse() == events && result.distinctInClickHouse() == events ? 0 : 1;
  }
}
