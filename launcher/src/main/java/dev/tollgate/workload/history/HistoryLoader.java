package dev.tollgate.workload.history;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.writer.internal.KafkaPosition;
import dev.tollgate.analytics.writer.internal.RowBinary;
import dev.tollgate.analytics.writer.internal.UsageRowEncoder;
import dev.tollgate.processor.internal.EventPricer;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Generates, prices and encodes a history on the calling thread and inserts it into
 * {@code <database>.usage_events} on another, batch by batch, so that ClickHouse parses one batch
 * while the next is being built. The rows carry the writer's encoding, so the rollups fill as they do
 * live; each row's position is topic {@value #TOPIC}, partition 0, and its place in the sequence.
 */
public final class HistoryLoader {
  public static final String TOPIC = "generated";
  public static final int DEFAULT_BATCH_ROWS = 200_000;

  /** What was written, and how long it took from the first event generated to the last batch acknowledged. */
  public record Result(long events, long adjustments, long fallbackPriced, long unpriced, BigDecimal totalCostUsd,
                       Duration took) {}

  /** Told, on the inserting thread, how many events ClickHouse has acknowledged so far. */
  public interface Progress {
    void written(long events);
  }

  private final ClickHouseHttp clickHouse;
  private final String table;
  private final int batchRows;

  public HistoryLoader(ClickHouseHttp clickHouse, String database, int batchRows) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batch rows must be at least 1, got " + batchRows);
    }
    this.clickHouse = clickHouse;
    this.table = database + ".usage_events";
    this.batchRows = batchRows;
  }

  public Result load(HistorySpec spec, HistoryPricer pricer, Progress progress) throws InterruptedException {
    long started = System.nanoTime();
    Instant insertedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant latest = spec.end();
    HistoryGenerator events = new HistoryGenerator(spec);
    BigDecimal total = BigDecimal.ZERO.setScale(12);
    long fallback = 0;
    long unpriced = 0;
    long offset = 0;
    try (BatchInserter inserter = new BatchInserter(clickHouse, table, UsageRowEncoder.COLUMN_NAMES, batchRows, progress)) {
      RowBinary rows = inserter.emptyBuffer();
      int inBatch = 0;
      while (events.hasNext()) {
        UsageEvent event = events.next();
        PricedUsageEvent priced = pricer.price(event, latest);
        UsageRowEncoder.write(rows, priced, new KafkaPosition(TOPIC, 0, offset++), insertedAt);
        total = total.add(priced.getCostUsd());
        fallback += EventPricer.FALLBACK.equals(priced.getPriceSource()) ? 1 : 0;
        unpriced += EventPricer.UNPRICED.equals(priced.getPriceSource()) ? 1 : 0;
        if (++inBatch == batchRows) {
          inserter.send(rows, inBatch);
          rows = inserter.emptyBuffer();
          inBatch = 0;
        }
      }
      if (inBatch > 0) {
        inserter.send(rows, inBatch);
      }
      inserter.finish();
    }
    return new Result(offset, events.adjustmentsGenerated(), fallback, unpriced, total,
        Duration.ofNanos(System.nanoTime() - started));
  }
}
