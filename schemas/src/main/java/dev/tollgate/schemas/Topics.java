package dev.tollgate.schemas;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.AlertDeadLetter;
import dev.tollgate.schemas.avro.ApiKey;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.avro.CostCorrection;
import dev.tollgate.schemas.avro.PriceEntry;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import dev.tollgate.schemas.avro.RejectedEvent;
import dev.tollgate.schemas.avro.UsageSpend;
import dev.tollgate.schemas.serde.AvroSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The one registry of topic names and their serdes. */
public final class Topics {

  /**
   * Usage events as published, keyed by {@code event_id}. Values are Avro {@code UsageEvent} in
   * single-object encoding or, for producers without Avro, the JSON form of the contract; kept as
   * bytes so that an unreadable record is rejected with its reason instead of stopping the
   * processor.
   */
  public static final Topic<String, byte[]> USAGE_RAW =
      new Topic<>("tollgate.usage.raw", Serdes.String(), Serdes.ByteArray(), false);

  /** Validated, deduplicated and priced events, keyed by {@code event_id}. */
  public static final Topic<String, PricedUsageEvent> USAGE_PRICED =
      new Topic<>("tollgate.usage.priced", Serdes.String(), new AvroSerde<>(PricedUsageEvent::new), false);

  /**
   * The spend of each priced event, keyed by {@code tenant_id}: written with the priced event in one
   * transaction, read by the budget topology. It must have as many partitions as the budget
   * topology's repartition topics, since one budget task reads the same partition of each.
   */
  public static final Topic<String, UsageSpend> USAGE_SPEND =
      new Topic<>("tollgate.usage.spend", Serdes.String(), new AvroSerde<>(UsageSpend::new), false);

  /**
   * Changes to the cost of events already priced, made by re-pricing history after a price correction,
   * keyed by {@code correction_id}. The budget topology adds them to the spend of their scope; the
   * ClickHouse writer does not read them, because re-pricing corrects ClickHouse itself.
   */
  public static final Topic<String, CostCorrection> USAGE_CORRECTIONS =
      new Topic<>("tollgate.usage.corrections", Serdes.String(), new AvroSerde<>(CostCorrection::new), false);

  /** Input records that were not accepted, with the field and the reason; keyed by record key. */
  public static final Topic<String, RejectedEvent> USAGE_REJECTED =
      new Topic<>("tollgate.usage.rejected", Serdes.String(), new AvroSerde<>(RejectedEvent::new), false);

  /** The price catalog, one record per provider/model/effective_from (see {@link PriceKeys}). */
  public static final Topic<String, PriceEntry> PRICES =
      new Topic<>("tollgate.prices", Serdes.String(), new AvroSerde<>(PriceEntry::new), true);

  /** Budgets keyed by {@code budget_id}; a tombstone removes one. */
  public static final Topic<String, Budget> BUDGETS =
      new Topic<>("tollgate.budgets", Serdes.String(), new AvroSerde<>(Budget::new), true);

  /** Where each budget stands in its current period, keyed by {@code budget_id}; read by the guards. */
  public static final Topic<String, BudgetStatus> BUDGET_STATUS =
      new Topic<>("tollgate.budget.status", Serdes.String(), new AvroSerde<>(BudgetStatus::new), true);

  /** Alerts keyed by {@code budget_id} (ops alerts by their subject), so one scope's alerts stay in order. */
  public static final Topic<String, Alert> ALERTS =
      new Topic<>("tollgate.alerts", Serdes.String(), new AvroSerde<>(Alert::new), false);

  /**
   * Alerts the alerting service could not deliver (with the channel, the attempts and the last error),
   * or could not read or route; keyed like the alert.
   */
  public static final Topic<String, AlertDeadLetter> ALERTS_DEAD_LETTER =
      new Topic<>("tollgate.alerts.dead-letter", Serdes.String(), new AvroSerde<>(AlertDeadLetter::new), false);

  /**
   * PagerDuty incidents the alerting service opened and resolves when the alert's budget period ends,
   * keyed by {@code <channel>|<alert_id>}; a tombstone marks one resolved.
   */
  public static final Topic<String, Alert> ALERT_INCIDENTS =
      new Topic<>("tollgate.alerts.incidents", Serdes.String(), new AvroSerde<>(Alert::new), true);

  /**
   * API keys of the HTTP gateway, keyed by {@code key_id}: a hash of each key and its tenant, never the
   * key. Every gateway reads it whole and follows it, so a revoked key is refused within a second.
   */
  public static final Topic<String, ApiKey> API_KEYS =
      new Topic<>("tollgate.api-keys", Serdes.String(), new AvroSerde<>(ApiKey::new), true);

  public static final List<Topic<?, ?>> ALL = List.of(USAGE_RAW, USAGE_PRICED, USAGE_SPEND, USAGE_CORRECTIONS, USAGE_REJECTED, PRICES, BUDGETS,
      BUDGET_STATUS, ALERTS, ALERTS_DEAD_LETTER, ALERT_INCIDENTS, API_KEYS);

  private Topics() {}
}
