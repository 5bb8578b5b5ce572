package dev.tollgate.bench.alerts;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Prints once a second how fast the background load is actually going, how far behind the
 * processor is and how the probes stand; keeps the per-second rates and the peak lag of the
 * measured phase for the result.
 */
final class Progress implements AutoCloseable {
  private final PrintStream out;
  private final BackgroundLoad load;
  private final PipelineLag lag;
  private final long start = System.nanoTime();
  private final List<Integer> measuredRates = new ArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "alert-bench-progress");
    t.setDaemon(true);
    return t;
  });
  private volatile Supplier<String> status = () -> "";
  private volatile boolean measuring;
  private long lastAcknowledged;
  private long lastTick = start;
  private PipelineLag.Lag peakLag = new PipelineLag.Lag(0, 0);

  Progress(PrintStream out, BackgroundLoad load, PipelineLag lag) {
    this.out = out;
    this.load = load;
    this.lag = lag;
    timer.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
  }

  /** What to print after the rate and lag, such as the probes' state. */
  void status(Supplier<String> status) {
    this.status = status;
  }

  void measuring(boolean measuring) {
    this.measuring = measuring;
  }

  synchronized List<Integer> measuredRates() {
    return List.copyOf(measuredRates);
  }

  /** The most records each processor application was behind during the measured phase. */
  synchronized PipelineLag.Lag peakLag() {
    return peakLag;
  }

  private synchronized void tick() {
    long now = System.nanoTime();
    long acknowledged = load.acknowledged();
    // Per second of real time, so that a late tick does not show as a burst.
    int rate = (int) Math.round((acknowledged - lastAcknowledged) * 1e9 / Math.max(1, now - lastTick));
    lastAcknowledged = acknowledged;
    lastTick = now;
    String behind = behind();
    if (measuring) {
      measuredRates.add(rate);
    }
    out.printf(Locale.ROOT, "… %5.1f s  background %,7d events/s  %s  %s%n", (now - start) / 1e9, rate, behind, status.get());
  }

  private String behind() {
    try {
      PipelineLag.Lag current = lag.now();
      if (measuring) {
        peakLag = new PipelineLag.Lag(Math.max(peakLag.pricing(), current.pricing()), Math.max(peakLag.budgets(), current.budgets()));
      }
      return String.format(Locale.ROOT, "behind: pricing %,d, budgets %,d", current.pricing(), current.budgets());
    } catch (ExecutionException e) {
      return "behind: unknown (" + e.getCause().getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "behind: unknown";
    }
  }

  @Override
  public void close() throws InterruptedException {
    timer.shutdownNow();
    timer.awaitTermination(5, TimeUnit.SECONDS);
  }
}
