package dev.tollgate.cli.command.reprice;

import dev.tollgate.analytics.reprice.RepriceListener;
import dev.tollgate.analytics.reprice.RepriceRange;
import dev.tollgate.workload.history.ProgressPrinter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Progress on stderr, one line per day scanned and per step, so stdout stays the report. */
final class ProgressLines implements RepriceListener {
  private final PrintStream out;
  private final long started = System.nanoTime();

  ProgressLines(PrintStream out) {
    this.out = out;
  }

  @Override
  public void scanned(RepriceRange day, long scanned, long changed, long expected, Duration elapsed) {
    long millis = Math.max(1, elapsed.toMillis());
    long rate = scanned * 1000 / millis;
    long left = rate == 0 ? 0 : Math.max(0, expected - scanned) / rate;
    out.printf(Locale.ROOT, "reprice: %s scanned · %,d of ~%,d calls (%d%%), %,d changed, %,d calls/s, about %s left%n",
        day.firstDay(), scanned, expected, expected == 0 ? 100 : Math.min(100, scanned * 100 / expected), changed, rate,
        ProgressPrinter.duration(Duration.ofSeconds(left)));
  }

  @Override
  public void step(String description) {
    out.println("reprice: " + description + " (" + ProgressPrinter.duration(Duration.ofNanos(System.nanoTime() - started))
        + " in)");
  }
}
