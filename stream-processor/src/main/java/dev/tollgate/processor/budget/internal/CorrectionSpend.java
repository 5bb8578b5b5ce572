package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.CostCorrection;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns each cost correction into spend of its scope at the time the corrected events occurred, once
 * per {@code correction_id}: a re-pricing run that is repeated after a crash sends the same ids, and
 * must not move budgets twice. Ids are remembered for the budget retention, beyond which a
 * correction cannot reach a period the budgets still keep.
 */
public final class CorrectionSpend implements Processor<String, CostCorrection, String, TenantInput> {
  private static final Logger LOG = LoggerFactory.getLogger(CorrectionSpend.class);

  private final String storeName;
  private final long rememberMs;
  private ProcessorContext<String, TenantInput> context;
  private WindowStore<String, Long> applied;

  private CorrectionSpend(String storeName, Duration remember) {
    this.storeName = storeName;
    this.rememberMs = remember.toMillis();
  }

  public static ProcessorSupplier<String, CostCorrection, String, TenantInput> supplier(String storeName, Duration remember) {
    StoreBuilder<WindowStore<String, Long>> store = Stores.windowStoreBuilder(
        Stores.persistentWindowStore(storeName, remember, remember, false), Serdes.String(), Serdes.Long());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, CostCorrection, String, TenantInput> get() {
        return new CorrectionSpend(storeName, remember);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(store);
      }
    };
  }

  @Override
  public void init(ProcessorContext<String, TenantInput> context) {
    this.context = context;
    this.applied = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, CostCorrection> record) {
    CostCorrection correction = record.value();
    if (correction == null) {
      return;
    }
    String id = correction.getCorrectionId();
    long now = context.currentSystemTimeMs();
    if (appliedBefore(id, now)) {
      LOG.info("correction {} was applied before; not counted again", id);
      return;
    }
    applied.put(id, now, now);
    TenantInput spend = new TenantInput.Spend(correction.getOccurredAt().toEpochMilli(), correction.getTeamId(),
        correction.getUserId(), correction.getFeature(), correction.getDeltaUsd());
    context.forward(record.withKey(correction.getTenantId()).withValue(spend));
  }

  private boolean appliedBefore(String id, long now) {
    try (WindowStoreIterator<Long> sightings = applied.fetch(id, Math.max(0, now - rememberMs), now)) {
      return sightings.hasNext();
    }
  }
}
