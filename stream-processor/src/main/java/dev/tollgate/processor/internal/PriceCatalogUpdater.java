package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.PriceEntry;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the global price store equal to the compacted price topic; a tombstone deletes its entry. */
public final class PriceCatalogUpdater implements Processor<String, PriceEntry, Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(PriceCatalogUpdater.class);
  private final String storeName;
  private final CatalogVersion version;
  private KeyValueStore<String, PriceEntry> store;

  public PriceCatalogUpdater(String storeName, CatalogVersion version) {
    this.storeName = storeName;
    this.version = version;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    store = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, PriceEntry> record) {
    if (record.key() == null) {
      LOG.warn("ignored a price record without a key: {}", record.value());
      return;
    }
    if (record.value() == null) {
      store.delete(record.key());
      LOG.info("price entry {} deleted", record.key());
    } else {
      store.put(record.key(), record.value());
      LOG.debug("price entry {} set", record.key());
    }
    version.changed();
  }
}
