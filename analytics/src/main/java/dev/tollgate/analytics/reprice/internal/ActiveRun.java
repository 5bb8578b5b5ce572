package dev.tollgate.analytics.reprice.internal;

/** The run being worked on, as last recorded in {@code reprice_runs}. */
public final class ActiveRun {
  private final RunLog runs;
  private RunRecord run;

  public ActiveRun(RunLog runs, RunRecord run) {
    this.runs = runs;
    this.run = run;
  }

  public RunRecord run() {
    return run;
  }

  public void record(RunRecord next) {
    runs.record(next);
    run = next;
  }

  /** Records the same state again, to show the run is alive. */
  public void heartbeat() {
    record(run.heartbeat());
  }

  /**
   * Records, as far as ClickHouse still answers, that no process works on the run any more; a failure
   * to do so is added to {@code cause}, which the caller rethrows.
   */
  public void stoppedBy(Exception cause) {
    try {
      record(run.failed(cause.toString()));
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
