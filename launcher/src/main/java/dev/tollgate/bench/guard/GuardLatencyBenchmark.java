package dev.tollgate.bench.guard;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link GuardCheckBenchmark} with JMH in forked JVMs (on this JVM's class path) and reports the
 * decision latency percentiles of the sampled calls.
 */
public final class GuardLatencyBenchmark {

  /**
   * @param opsPerSecond one thread's rate, 10⁹ / mean latency in ns
   * @param samples how many calls JMH timed
   */
  public record Result(double p50Ns, double p99Ns, double p999Ns, double maxNs, double meanNs, double opsPerSecond,
      long samples, int forks, int iterations) {

    public String table() {
      return String.join("\n",
          "budget guard check(), 1,000 tenants × 5 budgets, JMH SampleTime, " + forks + " fork(s) × " + iterations
              + " iteration(s) of 2 s after as many of warm-up",
          String.format(Locale.ROOT, "latency          p50 %,.0f ns, p99 %,.0f ns, p99.9 %,.0f ns, max %,.0f ns", p50Ns, p99Ns,
              p999Ns, maxNs),
          String.format(Locale.ROOT, "mean             %,.0f ns  (%,.0f checks/s on one thread)", meanNs, opsPerSecond),
          String.format(Locale.ROOT, "samples          %,d", samples));
    }
  }

  private GuardLatencyBenchmark() {}

  public static Result run(PrintStream out, int forks, int iterations) throws RunnerException {
    if (forks < 1 || iterations < 1) {
      throw new IllegalArgumentException("forks and iterations must be at least 1, got " + forks + " and " + iterations);
    }
    Options options = new OptionsBuilder()
        .include(GuardCheckBenchmark.class.getName() + ".check")
        .forks(forks)
        .warmupIterations(iterations)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(2))
        .threads(1)
        .jvmArgs("-Xms1g", "-Xmx1g")
        .shouldFailOnError(true)
        .build();
    Collection<RunResult> results = new Runner(options, OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
    Statistics stats = results.iterator().next().getPrimaryResult().getStatistics();
    return new Result(stats.getPercentile(50), stats.getPercentile(99), stats.getPercentile(99.9), stats.getMax(),
        stats.getMean(), 1e9 / stats.getMean(), stats.getN(), forks, iterations);
  }
}
