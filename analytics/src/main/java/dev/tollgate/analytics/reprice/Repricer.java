package dev.tollgate.analytics.reprice;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.analytics.report.internal.Sql;
import dev.tollgate.analytics.reprice.internal.ActiveRun;
import dev.tollgate.analytics.reprice.internal.ChangeTally;
import dev.tollgate.analytics.reprice.internal.ChangeWriter;
import dev.tollgate.analytics.reprice.internal.ClickHouseStream;
import dev.tollgate.analytics.reprice.internal.EventColumns;
import dev.tollgate.analytics.reprice.internal.Journal;
import dev.tollgate.analytics.reprice.internal.RepriceTables;
import dev.tollgate.analytics.reprice.internal.RunApplier;
import dev.tollgate.analytics.reprice.internal.RunLog;
import dev.tollgate.analytics.reprice.internal.RunRecord;
import dev.tollgate.analytics.reprice.internal.Scanner;
import dev.tollgate.analytics.reprice.internal.Staging;
import dev.tollgate.config.Env;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Re-prices the history in ClickHouse after the catalog was corrected.
 *
 * <p>A run scans the calls of its range day by day, re-prices each, and stages the changed rows and
 * the changes themselves ({@code reprice_changes}) without touching anything else. Then it sends the
 * budget corrections, computed from those changes, and only then changes ClickHouse: it attaches the
 * staged rows to {@code usage_events}, deletes the versions they replace and compensates the hourly
 * and daily rollups, each step skipped where it is found done. {@code reprice_runs} records each
 * state. A run interrupted while scanning is abandoned whole; one interrupted later is finished by the
 * next run, from what it staged, with the same corrections. A run that fails records why, so the next
 * run takes it over at once; one that was killed is taken over once it has been silent long enough.
 */
public final class Repricer {
  /** Merging a staged month into one part, or counting what is attached, can take minutes on a large history. */
  private static final Duration STATEMENT_TIMEOUT = Duration.ofHours(1);

  private final ClickHouseHttp clickHouse;
  private final ClickHouseStream stream;
  private final String database;
  private final EventPricing pricing;
  private final RepriceListener listener;
  private final Duration takeOverAfter;
  private final RunLog runs;
  private final Journal journal;
  private final Staging staging;
  private final RunApplier applier;

  /**
   * @param takeOverAfter how long an unfinished run must have been silent before this one finishes it;
   *     a working run records itself after each day it scans, each month it attaches and each day of
   *     rollups it compensates, and every minute while ClickHouse deletes the rows it replaced
   */
  public Repricer(Env env, String database, EventPricing pricing, CorrectionSink corrections,
      RepriceListener listener, Duration takeOverAfter) {
    // Refuses a name that is not a plain identifier before it is put into any statement.
    Schema.statements(database);
    this.clickHouse = new ClickHouseHttp(env.clickHouseUrl(), env.clickHouseUser(), env.clickHousePassword(), STATEMENT_TIMEOUT);
    this.stream = ClickHouseStream.fromEnv(env);
    this.database = database;
    this.pricing = pricing;
    this.listener = listener;
    this.takeOverAfter = takeOverAfter;
    this.runs = new RunLog(clickHouse, database);
    this.journal = new Journal(clickHouse, stream, database);
    this.staging = new Staging(clickHouse, database);
    this.applier = new RunApplier(clickHouse, stream, database, corrections, listener, runs, journal, staging);
  }

  /**
   * Finishes the run a crash or a kill interrupted, if there is one: returns what it changed. A run
   * interrupted before its scan was complete had changed nothing but its scratch tables; it is
   * abandoned, and empty is returned.
   *
   * @throws IllegalStateException when that run may still be working (it recorded itself recently)
   */
  public Optional<RepriceResult> finishInterrupted() throws InterruptedException {
    if (!RepriceTables.exist(clickHouse, database)) {
      return Optional.empty();
    }
    Optional<RunLog.Unfinished> found = runs.unfinished();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RunRecord run = found.get().run();
    if (run.error().isEmpty() && found.get().silentFor().compareTo(takeOverAfter) < 0) {
      throw new IllegalStateException("re-pricing run " + run.runId() + " is still " + run.status().text() + " (it last"
          + " recorded itself " + found.get().silentFor().toSeconds() + " s ago); if it was stopped, run again once it has been"
          + " silent for " + takeOverAfter.toSeconds() + " s, and that run will finish it");
    }
    if (run.status() == RunRecord.Status.SCANNING) {
      listener.step("abandoning run " + run.runId() + ", interrupted while scanning: it had changed nothing yet");
      applier.abandon(run, run.error().isEmpty() ? "interrupted while scanning" : run.error());
      return Optional.empty();
    }
    listener.step("finishing run " + run.runId() + ", interrupted while " + run.status().text());
    RunRecord done = applier.apply(run);
    ChangeTally tally = new ChangeTally();
    journal.changes(run.runId(), tally::add);
    return Optional.of(result(done, tally, false));
  }

  /**
   * Re-prices the calls of {@code range} and applies the changes.
   *
   * @throws IllegalStateException when an earlier run is unfinished: {@link #finishInterrupted()} first
   */
  public RepriceResult run(RepriceRange range, String catalogFingerprint) throws InterruptedException {
    EventColumns columns = EventColumns.read(clickHouse, database, "usage_events");
    RepriceTables.ensure(clickHouse, database);
    runs.unfinished().ifPresent(u -> {
      throw new IllegalStateException("re-pricing run " + u.run().runId() + " is unfinished; finish it first");
    });
    Instant start = startInstant();
    ActiveRun active = new ActiveRun(runs, RunRecord.start(runId(start), start, range, catalogFingerprint));
    staging.recreate();
    active.record(active.run());
    ChangeTally tally = new ChangeTally();
    ChangeWriter writer = new ChangeWriter(stream, staging.table(), columns.names(), journal.table(), active.run().runId());
    long scanned;
    try {
      scanned = scan(range, start, columns, tally, (change, row) -> writer.add(row, change), () -> {
        writer.flush();
        active.heartbeat();
      });
      writer.flush();
    } catch (RuntimeException e) {
      abandonAfter(active.run(), e);
      throw e;
    }
    active.record(active.run().scanned(scanned, tally));
    if (tally.events() == 0) {
      active.record(active.run().done(now()));
      return result(active.run(), tally, false);
    }
    return result(applier.apply(active.run()), tally, false);
  }

  /** What {@link #run} would change, computed the same way, without writing anything anywhere. */
  public RepriceResult dryRun(RepriceRange range, String catalogFingerprint) {
    if (RepriceTables.exist(clickHouse, database)) {
      runs.unfinished().ifPresent(u -> listener.step("note: re-pricing run " + u.run().runId() + " is unfinished;"
          + " the next run without --dry-run finishes it first"));
    }
    EventColumns columns = EventColumns.read(clickHouse, database, "usage_events");
    Instant start = now();
    ChangeTally tally = new ChangeTally();
    long scanned = scan(range, start, columns, tally, (change, row) -> {}, () -> {});
    RunRecord run = RunRecord.start("dry-run", start, range, catalogFingerprint).scanned(scanned, tally);
    return result(run, tally, true);
  }

  private long scan(RepriceRange range, Instant start, EventColumns columns, ChangeTally tally,
      Scanner.ChangeHandler changed, Runnable afterDay) {
    Scanner scanner = new Scanner(stream, columns, database, pricing);
    long expected = Long.parseLong(clickHouse.query("SELECT count() AS n FROM " + database + ".usage_events WHERE"
        + " occurred_at >= " + Sql.dateTime(range.from()) + " AND occurred_at < " + Sql.dateTime(range.to())
        + " AND operation != 'adjustment'").get(0, "n"));
    long began = System.nanoTime();
    long scanned = 0;
    for (RepriceRange day : range.days()) {
      Scanner.DayCount count = scanner.scan(day, start, (change, row) -> {
        tally.add(change);
        changed.changed(change, row);
      });
      scanned += count.scanned();
      afterDay.run();
      listener.scanned(day, scanned, tally.events(), expected, Duration.ofNanos(System.nanoTime() - began));
    }
    return scanned;
  }

  /** A scan that failed changed nothing but the scratch tables: they are cleared at once, if ClickHouse answers. */
  private void abandonAfter(RunRecord run, RuntimeException cause) {
    try {
      applier.abandon(run, cause.toString());
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private RepriceResult result(RunRecord run, ChangeTally tally, boolean dryRun) {
    return new RepriceResult(run.runId(), run.startedAt(), run.range(), run.catalogFingerprint(), dryRun,
        run.eventsScanned(), tally.events(), tally.oldCostUsd(), tally.newCostUsd(), tally.oldBaselineCostUsd(),
        tally.newBaselineCostUsd(), run.corrections(), tally.byModel(), tally.byPrice());
  }

  /** Later than any earlier run's start, since the start marks the rows a run writes. */
  private Instant startInstant() {
    Instant now = now();
    Optional<Instant> latest = runs.latestStart();
    return latest.isPresent() && !now.isAfter(latest.get()) ? latest.get().plusSeconds(1) : now;
  }

  private static String runId(Instant start) {
    return "reprice-" + start.toString().replace("-", "").replace(":", "")
        + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
