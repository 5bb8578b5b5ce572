package dev.tollgate.processor;

import dev.tollgate.processor.internal.DeduplicationProcessor;
import dev.tollgate.schemas.PriceKeys;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.RejectedEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.avro.UsageSpend;
import dev.tollgate.schemas.serde.UsageEventCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The pricing topology in a TopologyTestDriver, with its wall clock at {@link #START}. */
final class TopologyFixture implements AutoCloseable {
  static final Instant START = Instant.parse("2026-03-02T00:00:00Z");

  private final TopologyTestDriver driver;
  private final TestInputTopic<String, byte[]> raw;
  private final TestInputTopic<String, PriceEntry> prices;
  private final TestOutputTopic<String, PricedUsageEvent> priced;
  private final TestOutputTopic<String, RejectedEvent> rejected;
  private final TestOutputTopic<String, UsageSpend> spend;
  private final UsageEventCodec codec = new UsageEventCodec();

  TopologyFixture(Path stateDir) {
    this(stateDir, PriceFallback.dearest(), ProcessorConfig.DEFAULT_DEDUP_HORIZON);
  }

  TopologyFixture(Path stateDir, PriceFallback fallback, Duration dedupHorizon) {
    ProcessorConfig config = new ProcessorConfig("tollgate-processor-test", "unused:9092", stateDir, 1,
        ProcessorConfig.DEFAULT_COMMIT_INTERVAL, dedupHorizon, fallback, "none");
    driver = new TopologyTestDriver(PricingTopology.buildTopology(config), config.streamsProperties(), START);
    raw = driver.createInputTopic(Topics.USAGE_RAW.name(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    prices = driver.createInputTopic(Topics.PRICES.name(), Serdes.String().serializer(), Topics.PRICES.valueSerde().serializer());
    priced = driver.createOutputTopic(Topics.USAGE_PRICED.name(), Serdes.String().deserializer(),
        Topics.USAGE_PRICED.valueSerde().deserializer());
    rejected = driver.createOutputTopic(Topics.USAGE_REJECTED.name(), Serdes.String().deserializer(),
        Topics.USAGE_REJECTED.valueSerde().deserializer());
    spend = driver.createOutputTopic(Topics.USAGE_SPEND.name(), Serdes.String().deserializer(),
        Topics.USAGE_SPEND.valueSerde().deserializer());
  }

  void publishPrice(PriceEntry entry) {
    prices.pipeInput(PriceKeys.of(entry), entry, entry.getEffectiveFrom());
  }

  void deletePrice(String key) {
    prices.pipeInput(key, null, START);
  }

  /** An event as our producers send it: Avro, keyed by its id, timestamped with its occurred_at. */
  void publish(UsageEvent event) {
    publish(event.getEventId(), event);
  }

  void publish(String key, UsageEvent event) {
    publishRaw(key, codec.encode(event), event.getOccurredAt());
  }

  void publishJson(String key, String json, Instant timestamp) {
    publishRaw(key, json.getBytes(StandardCharsets.UTF_8), timestamp);
  }

  void publishRaw(String key, byte[] value, Instant timestamp) {
    raw.pipeInput(key, value, timestamp);
  }

  void advanceWallClock(Duration duration) {
    driver.advanceWallClockTime(duration);
  }

  List<TestRecord<String, UsageSpend>> spendRecords() {
    return spend.readRecordsToList();
  }

  List<TestRecord<String, PricedUsageEvent>> pricedRecords() {
    return priced.readRecordsToList();
  }

  List<PricedUsageEvent> priced() {
    return priced.readValuesToList();
  }

  PricedUsageEvent onlyPriced() {
    List<PricedUsageEvent> all = priced();
    if (all.size() != 1) {
      throw new AssertionError("expected one priced event, got " + all.size() + ": " + all);
    }
    return all.get(0);
  }

  List<TestRecord<String, RejectedEvent>> rejectedRecords() {
    return rejected.readRecordsToList();
  }

  double duplicatesDropped() {
    return driver.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals(DeduplicationProcessor.METRIC_OPERATION + "-total"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue())
        .sum();
  }

  @Override
  public void close() {
    driver.close();
  }
}
