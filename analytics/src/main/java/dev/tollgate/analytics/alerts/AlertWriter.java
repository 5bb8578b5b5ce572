package dev.tollgate.analytics.alerts;

import dev.tollgate.analytics.alerts.internal.AlertBatch;
import dev.tollgate.analytics.alerts.internal.AlertRowEncoder;
import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.writer.WriterConfig;
import dev.tollgate.analytics.writer.internal.Backoff;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves alerts from Kafka into the {@code alerts} table. Offsets are committed only after ClickHouse
 * acknowledged the insert; while ClickHouse is down, reading pauses and the insert is retried with
 * backoff. A crash between insert and commit, or an insert that failed after ClickHouse had applied
 * it, writes some alerts twice. Unlike usage events, that needs no offset bookkeeping in the table:
 * {@code alerts} is a ReplacingMergeTree on alert_id that is read with FINAL, and no materialized view
 * counts its rows.
 */
public final class AlertWriter {
  private static final Logger log = LoggerFactory.getLogger(AlertWriter.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration STOP_FLUSH_LIMIT = Duration.ofSeconds(15);

  private final WriterConfig config;
  private final ClickHouseHttp clickHouse;
  private final String table;
  private final AlertBatch batch = new AlertBatch();
  private final Backoff backoff;
  private final AtomicLong written = new AtomicLong();
  private volatile boolean running = true;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private boolean failing;
  private boolean uncommitted;
  private long nextInsertAt;
  private long lastFlushAt = System.currentTimeMillis();

  /** Reads {@code config.topic()} as {@code config.groupId()}; see {@link AlertWriterConfig#fromEnv}. */
  public AlertWriter(WriterConfig config) {
    this.config = config;
    this.clickHouse = new ClickHouseHttp(config.clickHouseUrl(), config.clickHouseUser(), config.clickHousePassword());
    this.table = config.database() + ".alerts";
    this.backoff = new Backoff(FIRST_RETRY, config.retryMax());
  }

  /** Reads and writes until {@link #stop()}; then writes what it holds and commits. */
  public void run() {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config.consumerProperties(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer = c;
      c.subscribe(List.of(config.topic()), new PauseWhileFailing());
      log.info("writing {} into {} at {} as group {}", config.topic(), table, clickHouse.url(), config.groupId());
      try {
        while (running) {
          step();
        }
      } catch (WakeupException e) {
        if (running) {
          throw e;
        }
      }
      flushBeforeStop();
    }
    log.info("stopped after writing {} alerts", written.get());
  }

  /** Asks {@link #run()} to finish; safe from any thread. */
  public void stop() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  /** Alerts ClickHouse acknowledged so far, duplicates included. */
  public long alertsWritten() {
    return written.get();
  }

  private void step() {
    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(pollTimeout(System.currentTimeMillis()))) {
      accept(record);
    }
    long now = System.currentTimeMillis();
    if (flushDue(now)) {
      flush(now);
    }
  }

  private void accept(ConsumerRecord<byte[], byte[]> record) {
    uncommitted = true;
    batch.add(record.topic(), record.value()).ifPresent(reason -> log.error("{}-{} offset {} is left out of ClickHouse: {}",
        record.topic(), record.partition(), record.offset(), reason));
  }

  private Duration pollTimeout(long now) {
    long ms = failing ? Math.min(1_000, nextInsertAt - now) : Math.min(200, config.flushInterval().toMillis());
    return Duration.ofMillis(Math.max(10, ms));
  }

  private boolean flushDue(long now) {
    if (failing) {
      return now >= nextInsertAt;
    }
    return batch.size() >= config.batchRows() || (uncommitted && now - lastFlushAt >= config.flushInterval().toMillis());
  }

  private void flush(long now) {
    try {
      if (!batch.isEmpty()) {
        clickHouse.insertRowBinary(table, AlertRowEncoder.COLUMN_NAMES, batch.buffer(), batch.length());
      }
    } catch (ClickHouseException e) {
      long delay = backoff.nextDelayMs();
      log.warn("insert of {} alerts into {} failed (attempt {}); reading paused, retrying in {} ms: {}",
          batch.size(), table, backoff.failures(), delay, e.getMessage());
      if (!failing) {
        consumer.pause(consumer.assignment());
        failing = true;
      }
      nextInsertAt = now + delay;
      return;
    }
    written.addAndGet(batch.size());
    batch.clear();
    lastFlushAt = now;
    if (failing) {
      log.info("ClickHouse accepted the alerts after {} failed attempts; reading resumed", backoff.failures());
      failing = false;
      backoff.reset();
      consumer.resume(consumer.assignment());
    }
    commit();
  }

  /**
   * Commits the position of every partition still assigned: all that was read from them is in
   * ClickHouse now. A partition revoked meanwhile is left to its new owner, which reads it again
   * from its last commit.
   */
  private void commit() {
    for (int attempt = 1; ; attempt++) {
      try {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
          offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        consumer.commitSync(offsets);
        uncommitted = false;
        return;
      } catch (WakeupException e) {
        // A stop asked for during the insert still gets its commit, once.
        if (running || attempt > 1) {
          throw e;
        }
      } catch (InterruptException e) {
        throw e;
      } catch (KafkaException e) {
        log.warn("offset commit failed; the alerts are in ClickHouse and are read again after a restart: {}",
            e.getMessage());
        return;
      }
    }
  }

  private void flushBeforeStop() {
    long deadline = System.currentTimeMillis() + STOP_FLUSH_LIMIT.toMillis();
    while (true) {
      long now = System.currentTimeMillis();
      if (!failing || now >= nextInsertAt) {
        flush(now);
      }
      if (!failing) {
        return;
      }
      if (now >= deadline) {
        log.warn("stopping with {} alerts not written; they are read again on the next start", batch.size());
        return;
      }
      try {
        Thread.sleep(Math.max(10, Math.min(nextInsertAt, deadline) - now));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        log.warn("interrupted with {} alerts not written; they are read again on the next start", batch.size());
        return;
      }
    }
  }

  /** Partitions assigned while inserts fail stay paused until ClickHouse is back. */
  private final class PauseWhileFailing implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
      if (failing) {
        consumer.pause(assigned);
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
      // Their rows stay in the batch: written twice at worst, which FINAL hides.
    }
  }
}
