package dev.tollgate.analytics.writer;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.writer.internal.Backoff;
import dev.tollgate.analytics.writer.internal.Batch;
import dev.tollgate.analytics.writer.internal.HeldOffsets;
import dev.tollgate.analytics.writer.internal.KafkaPosition;
import dev.tollgate.analytics.writer.internal.Progress;
import dev.tollgate.analytics.writer.internal.UsageRowEncoder;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves priced events from Kafka into {@code usage_events}, each exactly once. Offsets are committed
 * only after ClickHouse acknowledged the insert; on assignment, {@link PartitionResumer} skips what
 * ClickHouse already holds, so neither a crash nor a retried insert writes a row twice.
 */
public final class ClickHouseWriter {
  private static final Logger log = LoggerFactory.getLogger(ClickHouseWriter.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration STOP_FLUSH_LIMIT = Duration.ofSeconds(15);
  private static final long PROGRESS_EVERY_MS = 5_000;

  private final WriterConfig config;
  private final ClickHouseHttp clickHouse;
  private final String table;
  private final Runnable beforeCommit;
  private final Deserializer<PricedUsageEvent> values = Topics.USAGE_PRICED.valueSerde().deserializer();
  private final Batch batch = new Batch(1 << 20);
  private final Backoff insertBackoff;
  private final Progress progress = new Progress(PROGRESS_EVERY_MS, System.currentTimeMillis());
  private volatile boolean running = true;
  private volatile KafkaConsumer<byte[], byte[]> consumer;
  private PartitionResumer partitions;
  private boolean failing;
  private boolean uncommitted;
  private long nextInsertAt;
  private long lastFlushAt = System.currentTimeMillis();

  public ClickHouseWriter(WriterConfig config) {
    this(config, () -> {});
  }

  /** {@code beforeCommit} runs after each acknowledged insert, before its offsets are committed. */
  ClickHouseWriter(WriterConfig config, Runnable beforeCommit) {
    this.config = config;
    this.clickHouse = new ClickHouseHttp(config.clickHouseUrl(), config.clickHouseUser(), config.clickHousePassword());
    this.table = config.database() + ".usage_events";
    this.beforeCommit = beforeCommit;
    this.insertBackoff = new Backoff(FIRST_RETRY, config.retryMax());
  }

  /** Reads and writes until {@link #stop()}; then writes what it holds and commits. */
  public void run() {
    // Keys stay bytes: the event id they hold is in the value too.
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(config.consumerProperties(), new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      consumer = c;
      partitions = new PartitionResumer(c, new HeldOffsets(clickHouse, config.database(), config.topic()),
          batch, new Backoff(FIRST_RETRY, config.retryMax()), () -> failing);
      c.subscribe(List.of(config.topic()), partitions);
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
    log.info("stopped after writing {} rows", progress.written());
  }

  /** Asks {@link #run()} to finish; safe from any thread. */
  public void stop() {
    running = false;
    KafkaConsumer<byte[], byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }

  public long rowsWritten() {
    return progress.written();
  }

  private void step() {
    partitions.resolvePending(System.currentTimeMillis());
    ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout(System.currentTimeMillis()));
    Instant readAt = Instant.now();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      accept(record, readAt);
    }
    long now = System.currentTimeMillis();
    if (flushDue(now)) {
      flush(now);
    }
    progress.maybeReport(now, partitions::lag);
  }

  private void accept(ConsumerRecord<byte[], byte[]> record, Instant readAt) {
    uncommitted = true;
    if (partitions.alreadyWritten(record.partition(), record.offset())) {
      progress.skipped();
      return;
    }
    KafkaPosition position = new KafkaPosition(record.topic(), record.partition(), record.offset());
    if (batch.addEncoded(record.value(), position, readAt)) {
      return;
    }
    PricedUsageEvent event;
    try {
      event = values.deserialize(record.topic(), record.value());
    } catch (KafkaException e) {
      leftOut(record, "not a readable priced event: " + e.getMessage());
      return;
    }
    if (event == null) {
      leftOut(record, "no value");
      return;
    }
    try {
      batch.add(event, position, readAt);
    } catch (IllegalArgumentException e) {
      // Sent, it would make ClickHouse refuse the whole batch, on every retry.
      leftOut(record, "event " + event.getEvent().getEventId() + " holds a value ClickHouse cannot store: " + e.getMessage());
    }
  }

  private void leftOut(ConsumerRecord<byte[], byte[]> record, String reason) {
    progress.leftOut();
    log.error("{}-{} offset {} is left out of ClickHouse: {}", record.topic(), record.partition(), record.offset(), reason);
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
      if (failing && !batch.isEmpty()) {
        // A failed insert may still have written some of its monthly parts; those rows must not go in twice.
        int removed = batch.dropHeld(partitions.heldOffsets().within(batch.ranges()));
        if (removed > 0) {
          log.info("{} rows of the failed insert had reached ClickHouse; inserting the other {}", removed, batch.size());
        }
      }
      if (!batch.isEmpty()) {
        clickHouse.insertRowBinary(table, UsageRowEncoder.COLUMN_NAMES, batch.payloadBuffer(), batch.payloadLength());
      }
    } catch (ClickHouseException e) {
      long delay = insertBackoff.nextDelayMs();
      log.warn("insert of {} rows into {} failed (attempt {}); reading paused, retrying in {} ms: {}",
          batch.size(), table, insertBackoff.failures(), delay, e.getMessage());
      if (!failing) {
        consumer.pause(consumer.assignment());
        failing = true;
      }
      nextInsertAt = now + delay;
      return;
    }
    progress.written(batch.size());
    batch.clear();
    lastFlushAt = now;
    if (failing) {
      log.info("ClickHouse accepted the insert after {} failed attempts; reading resumed", insertBackoff.failures());
      failing = false;
      insertBackoff.reset();
      partitions.resumeResolved();
    }
    beforeCommit.run();
    commit();
  }

  private void commit() {
    for (int attempt = 1; ; attempt++) {
      try {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions.resolved()) {
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
        log.warn("offset commit failed; the rows are in ClickHouse and a restart skips them: {}", e.getMessage());
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
        log.warn("stopping with {} rows not written; they are read again on the next start", batch.size());
        return;
      }
      sleep(Math.max(10, Math.min(nextInsertAt, deadline) - now));
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
