package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.reprice.CorrectionSink;
import dev.tollgate.analytics.reprice.RepriceListener;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Applies a run whose scan is complete: sends the budget corrections unless they were sent, then
 * attaches the staged rows, deletes the versions they replace and compensates the rollups. Every step
 * after the sending checks what is done already, so a run may be applied again from any point.
 */
public final class RunApplier {
  private final ClickHouseHttp clickHouse;
  private final ClickHouseStream stream;
  private final String database;
  private final CorrectionSink corrections;
  private final RepriceListener listener;
  private final RunLog runs;
  private final Journal journal;
  private final Staging staging;

  public RunApplier(ClickHouseHttp clickHouse, ClickHouseStream stream, String database, CorrectionSink corrections,
      RepriceListener listener, RunLog runs, Journal journal, Staging staging) {
    this.clickHouse = clickHouse;
    this.stream = stream;
    this.database = database;
    this.corrections = corrections;
    this.listener = listener;
    this.runs = runs;
    this.journal = journal;
    this.staging = staging;
  }

  /** @return the run as recorded done */
  public RunRecord apply(RunRecord run) throws InterruptedException {
    ActiveRun active = new ActiveRun(runs, run);
    try {
      if (run.status() == RunRecord.Status.PUBLISHING) {
        listener.step("sending the budget corrections");
        CorrectionGrouper grouper = new CorrectionGrouper(run.runId(), corrections::send);
        journal.costChangesByScope(run.runId(), grouper::add);
        long sent = grouper.finish();
        corrections.flush();
        active.record(run.published(sent));
      }
      listener.step("attaching the repriced rows to usage_events");
      staging.attach(run.startedAt(), active::heartbeat);
      staging.deleteReplaced(run.startedAt(), listener, active::heartbeat);
      listener.step("compensating the hourly and daily rollups");
      new RollupRepair(clickHouse, stream, journal, database).repair(run.runId(), active::heartbeat);
      active.record(active.run().done(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
      staging.clear();
      return active.run();
    } catch (RuntimeException | InterruptedException e) {
      active.stoppedBy(e);
      throw e;
    }
  }

  /** Drops what a run staged and records it abandoned: nothing outside its scratch tables had changed. */
  public void abandon(RunRecord run, String why) {
    staging.recreate();
    journal.drop(run.runId());
    runs.record(run.next(RunRecord.Status.ABANDONED).failed(why));
  }
}
