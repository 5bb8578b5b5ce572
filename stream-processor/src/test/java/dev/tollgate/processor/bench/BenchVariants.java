package dev.tollgate.processor.bench;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Named changes to {@code ProcessorConfig.streamsProperties()} that the benchmark can compare. */
final class BenchVariants {
  private static final Map<String, Map<String, Object>> VARIANTS = Map.of(
      "base", Map.of(),
      "commit200", Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 200),
      "commit250", Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250),
      "linger20", Map.of(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20,
          StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 1024 * 1024),
      "nolz4", Map.of(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none"),
      "poll1000", Map.of(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 1000));

  private BenchVariants() {}

  static Map<String, Object> overrides(String variant) {
    Map<String, Object> overrides = VARIANTS.get(variant);
    if (overrides == null) {
      throw new IllegalArgumentException("unknown variant " + variant + "; known: " + VARIANTS.keySet());
    }
    return overrides;
  }
}
