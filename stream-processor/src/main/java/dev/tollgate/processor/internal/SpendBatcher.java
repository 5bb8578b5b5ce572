package dev.tollgate.processor.internal;

import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.UsageEvent;
import dev.tollgate.schemas.avro.UsageSpend;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.internals.InternalProcessorContext;
import org.apache.kafka.streams.processor.internals.ProcessorNode;
import org.apache.kafka.streams.processor.internals.ProcessorRecordContext;

/**
 * Sends budgets the spend of priced events summed per tenant, team, user, feature and minute
 * between two commits, instead of one record per event: each record on the spend topic costs a
 * send, a broker write and read, and a turn of the budget processor, while under load most events
 * of a commit share their scope with others. A fallback-priced event goes on its own at once, since
 * the ops alert names it. Keyed by tenant, stamped with the latest occurred_at summed.
 */
public final class SpendBatcher implements Processor<String, PricedUsageEvent, String, UsageSpend> {
  /** Sends early past this many scopes, so a commit interval of unusual variety cannot exhaust memory. */
  static final int MAX_SCOPES = 100_000;

  private final String batchStoreName;
  private final SpendSums sums = new SpendSums();
  private InternalProcessorContext<String, UsageSpend> context;
  private ProcessorNode<?, ?, ?, ?> node;
  private ProcessorRecordContext lastSummed;

  private SpendBatcher(String batchStoreName) {
    this.batchStoreName = batchStoreName;
  }

  public static ProcessorSupplier<String, PricedUsageEvent, String, UsageSpend> supplier(String batchStoreName) {
    return () -> new SpendBatcher(batchStoreName);
  }

  @Override
  public void init(ProcessorContext<String, UsageSpend> context) {
    // The batch store calls back while the task prepares its commit, outside process(); the
    // internal context lets that call forward as this node, as Kafka Streams' caches do.
    this.context = (InternalProcessorContext<String, UsageSpend>) context;
    this.node = this.context.currentNode();
    SpendBatch batch = context.getStateStore(batchStoreName);
    batch.onCommit(this::sendSums);
  }

  @Override
  public void process(Record<String, PricedUsageEvent> record) {
    PricedUsageEvent priced = record.value();
    if (SpendOfPriced.isFallback(priced)) {
      UsageSpend spend = SpendOfPriced.of(priced);
      context.forward(new Record<>(spend.getTenantId(), spend, record.timestamp()));
      return;
    }
    UsageEvent event = priced.getEvent();
    sums.add(event.getTenantId(), event.getTeamId(), event.getUserId(), event.getFeature(),
        event.getOccurredAt().toEpochMilli(), priced.getCostUsd(), 1);
    lastSummed = context.recordContext();
    if (sums.size() >= MAX_SCOPES) {
      sendSums();
    }
  }

  private void sendSums() {
    if (sums.size() == 0) {
      return;
    }
    ProcessorNode<?, ?, ?, ?> previousNode = context.currentNode();
    ProcessorRecordContext previousRecord = context.recordContext();
    try {
      context.setCurrentNode(node);
      context.setRecordContext(lastSummed);
      for (UsageSpend sum : sums.drain()) {
        context.forward(new Record<>(sum.getTenantId(), sum, sum.getOccurredAt().toEpochMilli()));
      }
    } finally {
      context.setCurrentNode(previousNode);
      context.setRecordContext(previousRecord);
    }
  }
}
