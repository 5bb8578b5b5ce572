package dev.tollgate.processor.internal;

import dev.tollgate.processor.PriceFallback;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Prices each event from the global price store. The store is indexed once per catalog change
 * rather than scanned per event; the emitted record keeps {@code occurred_at} as its timestamp.
 */
public final class PricingProcessor implements Processor<String, UsageEvent, String, PricedUsageEvent> {
  private final String catalogStoreName;
  private final CatalogVersion version;
  private final EventPricer pricer;
  private ProcessorContext<String, PricedUsageEvent> context;
  private KeyValueStore<String, PriceEntry> catalog;
  private PriceIndex index;
  private long indexedVersion = -1;

  private PricingProcessor(String catalogStoreName, CatalogVersion version, EventPricer pricer) {
    this.catalogStoreName = catalogStoreName;
    this.version = version;
    this.pricer = pricer;
  }

  public static ProcessorSupplier<String, UsageEvent, String, PricedUsageEvent> supplier(
      String catalogStoreName, CatalogVersion version, PriceFallback fallback) {
    Set<String> warnedModels = ConcurrentHashMap.newKeySet();
    return () -> new PricingProcessor(catalogStoreName, version, new EventPricer(fallback, warnedModels));
  }

  @Override
  public void init(ProcessorContext<String, PricedUsageEvent> context) {
    this.context = context;
    this.catalog = context.getStateStore(catalogStoreName);
  }

  @Override
  public void process(Record<String, UsageEvent> record) {
    UsageEvent event = record.value();
    PricedUsageEvent priced = pricer.price(event, currentIndex(), Instant.ofEpochMilli(context.currentSystemTimeMs()));
    context.forward(record.withValue(priced).withTimestamp(event.getOccurredAt().toEpochMilli()));
  }

  private PriceIndex currentIndex() {
    long seen = version.current();
    if (index == null || seen != indexedVersion) {
      index = PriceIndex.of(readCatalog());
      indexedVersion = seen;
    }
    return index;
  }

  private List<PriceEntry> readCatalog() {
    List<PriceEntry> entries = new ArrayList<>();
    try (KeyValueIterator<String, PriceEntry> all = catalog.all()) {
      while (all.hasNext()) {
        KeyValue<String, PriceEntry> next = all.next();
        if (next.value != null) {
          entries.add(next.value);
        }
      }
    }
    return entries;
  }
}
