package dev.tollgate.bench.guard;

import dev.tollgate.ingest.guard.BudgetGuard;
import dev.tollgate.ingest.guard.CallRequest;
import dev.tollgate.ingest.guard.Decision;
import dev.tollgate.ingest.guard.TokenTiers;
import dev.tollgate.ingest.guard.internal.GuardFeed;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The latency of one {@link BudgetGuard#check} on a guard holding 1,000 tenants × 5 budgets. As in a
 * running service, a second thread feeds the guard a new snapshot every 200 ms (the hard budgets'
 * statuses, which also drops the allowances the checks granted), the way its consumer does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GuardCheckBenchmark {
  private static final int REQUESTS = 1 << 14;

  @Param("1000")
  public int tenants;

  private BudgetGuard guard;
  private CallRequest[] requests;
  private ScheduledExecutorService feeder;

  /** Where each measuring thread is in the request list. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Setup(Level.Trial)
  public void start() {
    Clock clock = Clock.systemUTC();
    GuardFeed feed = new GuardFeed();
    GuardWorkload workload = new GuardWorkload(tenants);
    workload.feed(feed, clock.instant());
    guard = BudgetGuard.detached(feed, TokenTiers.of(Map.of("standard", 10_000L), "standard", Map.of()), clock);
    requests = workload.requests(REQUESTS);
    feeder = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "status-feeder");
      t.setDaemon(true);
      return t;
    });
    feeder.scheduleAtFixedRate(() -> feed.statuses(workload.hardStatusesCountingUpTo(clock.instant())),
        200, 200, TimeUnit.MILLISECONDS);
  }

  @TearDown(Level.Trial)
  public void stop() {
    feeder.shutdownNow();
  }

  @Benchmark
  public Decision check(Cursor cursor) {
    return guard.check(requests[cursor.next++ & (REQUESTS - 1)]);
  }
}
