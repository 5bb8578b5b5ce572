package dev.tollgate.processor.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;

/** The KafkaStreams settings every Tollgate topology runs with. No default serdes: every operator names its own. */
public final class StreamsDefaults {
  private StreamsDefaults() {}

  public static Properties properties(String applicationId, String bootstrapServers, Path stateDir, int threads,
      Duration commitInterval, String compression) {
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    // The local stack has one broker; deployments with more raise it through their own config.
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    // Order across the input partitions of a task does not matter to any Tollgate topology (dedup
    // runs on processing time, prices come from a global store, budget changes and spend commute),
    // so never hold a task back to align them.
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    // Raw values are read as bytes and judged by the topology; only a corrupt price or budget record
    // can fail to deserialize, and skipping it (logged) beats halting everything on every restart.
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    // Runs the processing exception handler (default: log and fail) on the global thread too, as
    // Kafka 5.0 will by default, so that an upgrade does not change behaviour.
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), compression);
    // 256 KiB batches: a priced event is ~300 bytes, so one batch holds a few ms of peak traffic.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
    // Wait for 64 KiB or 50 ms per fetch: fewer, fuller fetches under load, little added latency when idle.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), 64 * 1024);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), 50);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 5000);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), 4 * 1024 * 1024);
    return p;
  }
}
