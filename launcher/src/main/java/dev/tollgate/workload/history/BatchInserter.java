package dev.tollgate.workload.history;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.writer.internal.RowBinary;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Inserts batches of encoded rows on its own thread. Buffers go round: one being filled, one waiting,
 * one being sent, so memory stays at three batches and the builder waits when ClickHouse falls
 * behind. A failed insert stops the thread and is thrown to the builder at its next call.
 */
final class BatchInserter implements AutoCloseable {
  private static final int BUFFERS = 3;
  /** Room for a typical row of usage_events, so that a buffer rarely has to grow. */
  private static final int BYTES_PER_ROW = 360;
  private static final long POLL_MILLIS = 100;
  private static final Batch END = new Batch(null, 0);

  private record Batch(RowBinary rows, int count) {}

  private final ClickHouseHttp clickHouse;
  private final String table;
  private final List<String> columns;
  private final HistoryLoader.Progress progress;
  private final BlockingQueue<RowBinary> free = new ArrayBlockingQueue<>(BUFFERS);
  private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BUFFERS);
  private final Thread thread;
  private volatile Throwable failure;
  private boolean finished;

  BatchInserter(ClickHouseHttp clickHouse, String table, List<String> columns, int batchRows, HistoryLoader.Progress progress) {
    this.clickHouse = clickHouse;
    this.table = table;
    this.columns = columns;
    this.progress = progress;
    int capacity = (int) Math.min(Integer.MAX_VALUE - 16, (long) batchRows * BYTES_PER_ROW);
    for (int i = 0; i < BUFFERS; i++) {
      free.add(new RowBinary(capacity));
    }
    this.thread = new Thread(this::insertAll, "history-inserter");
    thread.start();
  }

  /** A buffer to fill, once one is free. */
  RowBinary emptyBuffer() throws InterruptedException {
    RowBinary rows;
    while ((rows = free.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) == null) {
      throwIfFailed();
    }
    rows.reset();
    return rows;
  }

  /** Hands over a filled buffer of {@code count} rows; it comes back through {@link #emptyBuffer()} once inserted. */
  void send(RowBinary rows, int count) throws InterruptedException {
    enqueue(new Batch(rows, count));
  }

  /** Returns once every batch sent has been acknowledged by ClickHouse. */
  void finish() throws InterruptedException {
    enqueue(END);
    thread.join();
    throwIfFailed();
    finished = true;
  }

  @Override
  public void close() throws InterruptedException {
    if (!finished) {
      thread.interrupt();
      thread.join();
    }
  }

  private void enqueue(Batch batch) throws InterruptedException {
    throwIfFailed();
    while (!full.offer(batch, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      throwIfFailed();
    }
  }

  private void insertAll() {
    long written = 0;
    try {
      for (Batch batch = full.take(); batch != END; batch = full.take()) {
        clickHouse.insertRowBinary(table, columns, batch.rows().array(), batch.rows().length());
        written += batch.count();
        progress.written(written);
        free.put(batch.rows());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | Error e) {
      failure = e;
    }
  }

  private void throwIfFailed() {
    Throwable f = failure;
    if (f instanceof RuntimeException e) {
      throw e;
    }
    if (f instanceof Error e) {
      throw e;
    }
  }
}
