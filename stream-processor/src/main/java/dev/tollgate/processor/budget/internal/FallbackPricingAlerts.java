package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
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
public final class FallbackPricingAlerts implements Processor<String, PricedUsageEvent, String, Alert> {
  private final String storeName;
  private ProcessorContext<String, Alert> context;
  private KeyValueStore<String, Long> alerted;

  private FallbackPricingAlerts(String storeName) {
    this.storeName = storeName;
  }

  public static String modelKey(UsageEvent event) {
    return event.getProvider() + "/" + event.getModel();
  }

  public static ProcessorSupplier<String, PricedUsageEvent, String, Alert> supplier(String storeName) {
    StoreBuilder<KeyValueStore<String, Long>> store = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(storeName), Serdes.String(), Serdes.Long());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, PricedUsageEvent, String, Alert> get() {
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
  public void process(Record<String, PricedUsageEvent> record) {
    String model = record.key();
    if (alerted.get(model) != null) {
      return;
    }
    long now = context.currentSystemTimeMs();
    alerted.put(model, now);
    context.forward(new Record<>("ops:fallback:" + model, alert(model, record.value(), Instant.ofEpochMilli(now)), now));
  }

  private static Alert alert(String model, PricedUsageEvent priced, Instant now) {
    UsageEvent event = priced.getEvent();
    PriceEntry used = priced.getPrice();
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("provider", event.getProvider());
    attributes.put("model", event.getModel());
    attributes.put("first_event_id", event.getEventId());
    attributes.put("tenant_id", event.getTenantId());
    if (used != null) {
      attributes.put("priced_as", used.getProvider() + "/" + used.getModel());
    }
    String message = String.format("model %s is not in the price catalog; its calls are priced as %s until an entry is loaded"
        + " (./tollgate prices load). First seen in event %s of tenant %s.", model,
        used == null ? "the fallback" : used.getProvider() + "/" + used.getModel(), event.getEventId(), event.getTenantId());
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
