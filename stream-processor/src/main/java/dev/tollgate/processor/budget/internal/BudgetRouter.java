package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.Budget;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each budget change to its tenant. It remembers each budget's tenant because a removal is a
 * tombstone that no longer says whose budget it was, and a budget moved to another tenant must be
 * removed from the first.
 */
public final class BudgetRouter implements Processor<String, Budget, String, TenantInput> {
  private static final Logger LOG = LoggerFactory.getLogger(BudgetRouter.class);
  private final String storeName;
  private ProcessorContext<String, TenantInput> context;
  private KeyValueStore<String, String> tenants;

  private BudgetRouter(String storeName) {
    this.storeName = storeName;
  }

  public static ProcessorSupplier<String, Budget, String, TenantInput> supplier(String storeName) {
    StoreBuilder<KeyValueStore<String, String>> store = Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(storeName), Serdes.String(), Serdes.String());
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, Budget, String, TenantInput> get() {
        return new BudgetRouter(storeName);
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
    this.tenants = context.getStateStore(storeName);
  }

  @Override
  public void process(Record<String, Budget> record) {
    String budgetId = record.key();
    Budget budget = record.value();
    if (budgetId == null || (budget != null && !budgetId.equals(budget.getBudgetId()))) {
      LOG.warn("ignored a budget record whose key {} is not its budget_id {}", budgetId,
          budget == null ? null : budget.getBudgetId());
      return;
    }
    String previousTenant = tenants.get(budgetId);
    String tenant = budget == null ? null : budget.getScope().getTenantId();
    if (previousTenant != null && !previousTenant.equals(tenant)) {
      context.forward(record.withKey(previousTenant).withValue(new TenantInput.BudgetChange(budgetId, null)));
    }
    if (budget == null) {
      tenants.delete(budgetId);
      return;
    }
    tenants.put(budgetId, tenant);
    context.forward(record.withKey(tenant).withValue(new TenantInput.BudgetChange(budgetId, budget)));
  }
}
