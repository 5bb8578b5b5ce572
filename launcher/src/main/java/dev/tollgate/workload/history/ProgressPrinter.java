package dev.tollgate.workload.history;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Prints how far a load is, how fast it goes and how long it will still take, at most once per interval. */
public final class ProgressPrinter implements HistoryLoader.Progress {
  private final PrintStream out;
  private final long total;
  private final long intervalNanos;
  private final long started = System.nanoTime();
  private long lastPrinted = started;

  public ProgressPrinter(PrintStream out, long total, Duration interval) {
    this.out = out;
    this.total = total;
    this.intervalNanos = interval.toNanos();
  }

  @Override
  public void written(long events) {
    long now = System.nanoTime();
    if (now - lastPrinted < intervalNanos || events >= total) {
      return;
    }
    lastPrinted = now;
    double seconds = (now - started) / 1e9;
    long rate = Math.round(events / seconds);
    long left = rate == 0 ? 0 : (total - events) / rate;
    out.printf(Locale.ROOT, "history: %,d of %,d events written (%d%%), %,d events/s, about %s left%n",
        events, total, events * 100 / total, rate, duration(Duration.ofSeconds(left)));
  }

  /** A duration as people read it: 45 s, 3 min 20 s, 1 h 05 min. */
  public static String duration(Duration d) {
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return (s / 60) + " min " + String.format("%02d", s % 60) + " s";
    }
    return (s / 3600) + " h " + String.format("%02d", (s % 3600) / 60) + " min";
  }
}
