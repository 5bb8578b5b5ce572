package dev.tollgate.cli.command;

import dev.tollgate.bench.sdk.SdkRecordBenchmark;
import dev.tollgate.bench.sdk.SdkRecordResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sdk", description = {
    "Latency of the SDK's record() on the caller's thread (JMH, sample time). Needs no running stack."})
public final class BenchSdkCommand implements Callable<Integer> {
  @Option(names = "--forks", defaultValue = "1", description = "JMH forks (default ${DEFAULT-VALUE}).")
  int forks;

  @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations per fork (default ${DEFAULT-VALUE}).")
  int iterations;

  @Override
  public Integer call() throws Exception {
    SdkRecordResult result = SdkRecordBenchmark.run(System.out, forks, iterations);
    System.out.println();
    System.out.println(result.table());
    return 0;
  }
}
