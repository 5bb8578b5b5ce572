package dev.tollgate.analytics.reprice.internal;

import java.util.List;

/**
 * Writes changed events in batches: the repriced row to the staging table, the change to the journal.
 * Until the run moves on from scanning, both are only its own scratch tables.
 */
public final class ChangeWriter {
  private static final int BATCH_ROWS = 50_000;

  private final ClickHouseStream stream;
  private final String stagingTable;
  private final List<String> stagingColumns;
  private final String journalTable;
  private final String runId;
  private final StringBuilder staged = new StringBuilder();
  private final StringBuilder journaled = new StringBuilder();
  private int pending;

  public ChangeWriter(ClickHouseStream stream, String stagingTable, List<String> stagingColumns, String journalTable,
      String runId) {
    this.stream = stream;
    this.stagingTable = stagingTable;
    this.stagingColumns = List.copyOf(stagingColumns);
    this.journalTable = journalTable;
    this.runId = runId;
  }

  public void add(String repricedRow, Change change) {
    staged.append(repricedRow).append('\n');
    journaled.append(change.journalLine(runId)).append('\n');
    if (++pending == BATCH_ROWS) {
      flush();
    }
  }

  public void flush() {
    if (pending == 0) {
      return;
    }
    stream.insert(stagingTable, stagingColumns, staged);
    stream.insert(journalTable, Change.JOURNAL_COLUMNS, journaled);
    staged.setLength(0);
    journaled.setLength(0);
    pending = 0;
  }
}
