package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.FallbackUse;
import dev.tollgate.schemas.avro.UsageSpend;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Raises one ops alert per model that had to be priced by the fallback rule: its cost is an
 * estimate until the catalog has it. Input is keyed by {@code provider/model}, so each model is
 * judged by one task, and the models already alerted are remembered in a changelogged store.
 */
public final class FallbackPricingAlerts implements Processor<String, UsageSpend, String, Alert> {
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, Long> alerted;

  private FallbackPricingAlerts(String storeName) {
    this.storeName = storeName;
  }

  public static String modelKey(FallbackUse use) {
    return use.getProvider() + "/" + use.getModel();
  }

  public static ProcessorSupplier<String, UsageSpend, String, Alert> supplier(String storeName) {
    StoreBuilder<KeyValueStore<String, Long>> store = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(storeName), Serdes.String(), Serdes.Long());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, UsageSpend, String, Alert> get() {
        return new FallbackPricingAlerts(storeName);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, Alert> context) {
    this.context = context;
    this.alerted = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, UsageSpend> record) {
    String model = record.key();
    if (alerted.get(model) != null) {
      return;
    }
    long now = context.currentSystemTimeMs();
    alerted.put(model, now);
    context.forward(new Record<>("ops:fallback:" + model, alert(model, record.value(), Instant.ofEpochMilli(now)), now));
  }

  private static Alert alert(String model, UsageSpend spend, Instant now) {
    FallbackUse use = spend.getFallback();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("provider", use.getProvider());
    attributes.put("model", use.getModel());
    attributes.put("first_event_id", use.getEventId());
    attributes.put("tenant_id", spend.getTenantId());
    if (use.getPricedAs() != null) {
      attributes.put("priced_as", use.getPricedAs());
    }
    String message = String.format("model %s is not in the price catalog; its calls are priced as %s until an entry is loaded"
        + " (./tollgate prices load). First seen in event %s of tenant %s.", model,
        use.getPricedAs() == null ? "the fallback" : use.getPricedAs(), use.getEventId(), spend.getTenantId());
    return Alert.newBuilder()
        .setAlertId("ops/fallback-priced/" + model)
        .setKind("ops")
        .setSeverity("warning")
        .setAttributes(attributes)
        .setTriggeredAt(now)
        .setMessage(message)
        .build();
  }
}
