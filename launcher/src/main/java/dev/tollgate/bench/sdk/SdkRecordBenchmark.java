package dev.tollgate.bench.sdk;

import dev.tollgate.ingest.sdk.Attribution;
import dev.tollgate.ingest.sdk.Provider;
import dev.tollgate.ingest.sdk.ProviderResponse;
import dev.tollgate.ingest.sdk.RecorderConfig;
import dev.tollgate.ingest.sdk.RecorderMetrics;
import dev.tollgate.ingest.sdk.TollgateRecorder;
import dev.tollgate.ingest.sdk.Usage;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
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
 * What a service's thread pays to record one model call's usage: {@code Scope.record(Usage)} with
 * usage already read, on a recorder whose events go to a sink that discards them (the Kafka send
 * happens on the recorder's thread, not the caller's, and is not what this measures).
 *
 * <p>The recorder runs as configured by default (a buffer of 10,000) and its thread keeps working
 * during the measurement (building and validating each event), as in a service. A benchmark thread
 * calls far faster than any service records model calls, faster than the recorder's thread handles
 * them; so before each call (outside the measured time) it waits while more than
 * {@value #PACE_DEPTH} events are buffered. Nothing is then dropped, and a trial that drops anything
 * fails: a dropped call costs less than a recorded one and would flatter the figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SdkRecordBenchmark {
  private static final int PACE_DEPTH = 1_000;
  private static final TimeValue ITERATION_TIME = TimeValue.seconds(1);
  private static final int WARMUP_ITERATIONS = 5;

  private TollgateRecorder recorder;
  private dev.tollgate.ingest.sdk.Scope scope;
  private Usage usage;

  @Setup(Level.Trial)
  public void start() {
    recorder = TollgateRecorder.withSink((event, done) -> done.accept(null), RecorderConfig.DEFAULT_CAPACITY,
        error -> { }, Clock.systemUTC());
    scope = recorder.scope(Attribution.tenant("acme").withTeam("search").withUser("u-17").withFeature("answer"));
    usage = ProviderResponse.of(Provider.OPENAI, SampleResponse.CHAT_COMPLETION).usage();
  }

  @Benchmark
  public void record() {
    scope.record(usage);
  }

  /** Not measured: in SampleTime mode JMH times each call apart from its per-call setup. */
  @Setup(Level.Invocation)
  public void paceToTheRecorder() {
    while (recorder.metrics().queueDepth() > PACE_DEPTH) {
      Thread.onSpinWait();
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    recorder.close(Duration.ofSeconds(30));
    RecorderMetrics m = recorder.metrics();
    System.out.printf("recorder: %,d recorded, %,d sent, %,d dropped, %,d invalid%n",
        m.recorded(), m.sent(), m.dropped(), m.invalid());
    if (m.dropped() > 0 || m.invalid() > 0) {
      throw new IllegalStateException("the recorder dropped or refused events, so the figures do not measure recording");
    }
  }

  /**
   * Runs the benchmark and returns the latency percentiles of one {@code record} call.
   *
   * @param forks JVMs to run it in (0 runs it in this JVM, for a quick look only)
   * @param iterations measured iterations of 1 s per fork, after 5 warm-up iterations of 1 s
   */
  public static SdkRecordResult run(PrintStream out, int forks, int iterations) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(Pattern.quote(SdkRecordBenchmark.class.getName()) + "\\.record$")
        .forks(forks)
        .warmupIterations(WARMUP_ITERATIONS)
        .warmupTime(ITERATION_TIME)
        .measurementIterations(iterations)
        .measurementTime(ITERATION_TIME)
        .threads(1)
        .build();
    Collection<RunResult> results = new Runner(options, OutputFormatFactory.createFormatInstance(out, VerboseMode.NORMAL)).run();
    Statistics s = results.iterator().next().getPrimaryResult().getStatistics();
    return new SdkRecordResult(s.getPercentile(50), s.getPercentile(99), s.getPercentile(99.9), s.getMax(), s.getN());
  }
}
