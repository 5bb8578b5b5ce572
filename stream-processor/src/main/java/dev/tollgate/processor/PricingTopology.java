package dev.tollgate.processor;

import dev.tollgate.processor.internal.CatalogVersion;
import dev.tollgate.processor.internal.DeduplicationProcessor;
import dev.tollgate.processor.internal.PriceCatalogUpdater;
import dev.tollgate.processor.internal.PricedEventSerializer;
import dev.tollgate.processor.internal.PricingProcessor;
import dev.tollgate.processor.internal.RawEventTimestampExtractor;
import dev.tollgate.processor.internal.SpendBatch;
import dev.tollgate.processor.internal.SpendBatcher;
import dev.tollgate.processor.internal.ValidationProcessor;
import dev.tollgate.processor.internal.ValidationResult;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.serde.AvroSerde;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Raw usage events in, priced events out: validate, key by {@code event_id}, deduplicate, price at
 * event time from the global price catalog; the spend of priced events goes out keyed by tenant for
 * budgets, summed per scope between commits. Every record leaving validation carries its
 * {@code occurred_at} as timestamp.
 */
public final class PricingTopology {
  public static final String RAW_SOURCE = "usage-raw-source";
  public static final String VALIDATE = "validate";
  public static final String REPARTITION = "usage-by-event-id";
  public static final String DEDUP_STORE = "dedup-store";
  public static final String SPEND_BATCH_STORE = "spend-batch";
  public static final String PRICE_CATALOG_STORE = "price-catalog";
  public static final String PRICE_CATALOG_SOURCE = "price-catalog-update";

  private static final String BRANCH_PREFIX = "validated-";
  private static final String REFUSED = "refused";
  private static final String MISKEYED = "miskeyed";
  private static final String KEYED = "keyed";

  private PricingTopology() {}

  public static Topology buildTopology(ProcessorConfig config) {
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config.streamsProperties())));
    CatalogVersion catalogVersion = new CatalogVersion();
    addPriceCatalog(builder, catalogVersion);

    Map<String, KStream<String, ValidationResult>> validated = builder
        .stream(Topics.USAGE_RAW.name(), Consumed.with(Topics.USAGE_RAW.keySerde(), Topics.USAGE_RAW.valueSerde())
            .withTimestampExtractor(new RawEventTimestampExtractor())
            .withName(RAW_SOURCE))
        .process(ValidationProcessor::new, Named.as(VALIDATE))
        .split(Named.as(BRANCH_PREFIX))
        .branch((key, result) -> result instanceof ValidationResult.Refused, Branched.as(REFUSED))
        .branch(ValidationResult::isMiskeyed, Branched.as(MISKEYED))
        .defaultBranch(Branched.as(KEYED));

    validated.get(BRANCH_PREFIX + REFUSED)
        .mapValues(result -> ((ValidationResult.Refused) result).rejection(), Named.as("rejection"))
        .to(Topics.USAGE_REJECTED.name(), Produced.with(Topics.USAGE_REJECTED.keySerde(),
            Topics.USAGE_REJECTED.valueSerde()).withName("usage-rejected-sink"));

    KStream<String, UsageEvent> rekeyed = validated.get(BRANCH_PREFIX + MISKEYED)
        .map((key, result) -> {
          UsageEvent event = ((ValidationResult.Accepted) result).event();
          return KeyValue.pair(event.getEventId(), event);
        }, Named.as("key-by-event-id"))
        .repartition(Repartitioned.with(Serdes.String(), usageEventSerde()).withName(REPARTITION));

    KStream<String, PricedUsageEvent> priced = validated.get(BRANCH_PREFIX + KEYED)
        .mapValues(result -> ((ValidationResult.Accepted) result).event(), Named.as("accepted"))
        .merge(rekeyed, Named.as("keyed-by-event-id"))
        .process(DeduplicationProcessor.supplier(DEDUP_STORE, config.dedupHorizon()), Named.as("deduplicate"))
        .process(PricingProcessor.supplier(PRICE_CATALOG_STORE, catalogVersion, config.priceFallback()), Named.as("price"));
    priced.to(Topics.USAGE_PRICED.name(), Produced.with(Topics.USAGE_PRICED.keySerde(), pricedSerde())
        .withName("usage-priced-sink"));
    // Budgets read this small record, keyed by tenant, instead of decoding every priced event and
    // re-keying it through a repartition topic of their own; summed per scope between commits.
    builder.addStateStore(SpendBatch.builder(SPEND_BATCH_STORE));
    priced
        .process(SpendBatcher.supplier(SPEND_BATCH_STORE), Named.as("spend-by-tenant"), SPEND_BATCH_STORE)
        .to(Topics.USAGE_SPEND.name(), Produced.with(Topics.USAGE_SPEND.keySerde(), Topics.USAGE_SPEND.valueSerde())
            .withName("usage-spend-sink"));

    return builder.build();
  }

  /**
   * The whole catalog in every instance: it is small, and an event must be priced wherever it is
   * processed. In memory, since it is rebuilt from the compacted topic on start.
   */
  private static void addPriceCatalog(StreamsBuilder builder, CatalogVersion version) {
    StoreBuilder<KeyValueStore<String, PriceEntry>> store = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(PRICE_CATALOG_STORE), Topics.PRICES.keySerde(), Topics.PRICES.valueSerde());
    builder.addGlobalStore(store, Topics.PRICES.name(),
        Consumed.with(Topics.PRICES.keySerde(), Topics.PRICES.valueSerde()).withName(PRICE_CATALOG_SOURCE),
        () -> new PriceCatalogUpdater(PRICE_CATALOG_STORE, version));
  }

  /** The topic's own format, written by a serializer that costs less CPU per event (see PricedEventSerializer). */
  private static Serde<PricedUsageEvent> pricedSerde() {
    return Serdes.serdeFrom(new PricedEventSerializer(), Topics.USAGE_PRICED.valueSerde().deserializer());
  }

  private static Serde<UsageEvent> usageEventSerde() {
    return new AvroSerde<>(UsageEvent::new);
  }
}
