package dev.tollgate.analytics.reprice.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One event whose pricing re-pricing changed, with the keys of the scopes and rollups it counts in,
 * and {@code oldPricedAt}, which tells this version of the event from any earlier one. A row of
 * {@code reprice_changes}.
 */
public record Change(String eventId, Instant occurredAt, String tenantId, String teamId, String userId, String feature,
                     String provider, String model, Instant oldPricedAt, PriceOutcome before, PriceOutcome after) {

  /** The columns of {@code reprice_changes} that {@link #journalLine} fills, in order. */
  public static final List<String> JOURNAL_COLUMNS = List.of(
      "run_id", "event_id", "occurred_at", "tenant_id", "team_id", "user_id", "feature", "provider", "model",
      "old_priced_at", "old_cost_usd", "new_cost_usd", "old_baseline_cost_usd", "new_baseline_cost_usd",
      "old_price_source", "new_price_source", "old_price_model", "new_price_model",
      "old_price_effective_from", "new_price_effective_from", "old_price_input_per_mtok", "new_price_input_per_mtok",
      "old_price_output_per_mtok", "new_price_output_per_mtok");

  /** {@code team_id} is '' when the event has no team, as in {@code usage_events}. */
  public static Change of(EventRow row, PriceOutcome before, PriceOutcome after) {
    return new Change(row.text("event_id"), Tsv.dateTime(row.raw("occurred_at")), row.text("tenant_id"),
        row.text("team_id"), row.text("user_id"), row.text("feature"), row.text("provider"), row.text("model"),
        Tsv.dateTime(row.raw("priced_at")), before, after);
  }

  public BigDecimal deltaUsd() {
    return after.costUsd().subtract(before.costUsd());
  }

  public boolean costChanged() {
    return after.costUsd().compareTo(before.costUsd()) != 0;
  }

  public String journalLine(String runId) {
    return String.join("\t",
        Tsv.escape(runId), Tsv.escape(eventId), Tsv.dateTime(occurredAt), Tsv.escape(tenantId), Tsv.escape(teamId),
        Tsv.escape(userId), Tsv.escape(feature), Tsv.escape(provider), Tsv.escape(model), Tsv.dateTime(oldPricedAt),
        Tsv.money("old_cost_usd", before.costUsd()), Tsv.money("new_cost_usd", after.costUsd()),
        Tsv.money("old_baseline_cost_usd", before.baselineCostUsd()),
        Tsv.money("new_baseline_cost_usd", after.baselineCostUsd()),
        Tsv.escape(before.priceSource()), Tsv.escape(after.priceSource()),
        Tsv.escape(before.priceModel()), Tsv.escape(after.priceModel()),
        effectiveFrom(before), effectiveFrom(after),
        Tsv.money("old_price_input_per_mtok", before.inputPerMtok()), Tsv.money("new_price_input_per_mtok", after.inputPerMtok()),
        Tsv.money("old_price_output_per_mtok", before.outputPerMtok()),
        Tsv.money("new_price_output_per_mtok", after.outputPerMtok()));
  }

  /** Reads a line of the {@link #JOURNAL_COLUMNS} but {@code run_id}, as {@code SELECT} gives them. */
  public static Change fromJournal(String line) {
    String[] f = Tsv.split(line, JOURNAL_COLUMNS.size() - 1);
    return new Change(Tsv.unescape(f[0]), Tsv.dateTime(f[1]), Tsv.unescape(f[2]), Tsv.unescape(f[3]),
        Tsv.unescape(f[4]), Tsv.unescape(f[5]), Tsv.unescape(f[6]), Tsv.unescape(f[7]), Tsv.dateTime(f[8]),
        outcome(f[9], f[11], f[13], f[15], f[17], f[19], f[21]), outcome(f[10], f[12], f[14], f[16], f[18], f[20], f[22]));
  }

  /** The columns {@link #fromJournal} reads, for the SELECT. */
  public static String journalSelectList() {
    return String.join(", ", JOURNAL_COLUMNS.subList(1, JOURNAL_COLUMNS.size()));
  }

  /** The entry's cached, audio and discount figures are not kept; they never appear in a label. */
  private static PriceOutcome outcome(String cost, String baseline, String source, String model, String effectiveFrom,
      String input, String output) {
    return new PriceOutcome(new BigDecimal(cost), Tsv.decimal(baseline), Tsv.unescape(source), Tsv.unescape(model),
        Tsv.NULL.equals(effectiveFrom) ? null : Tsv.dateTime(effectiveFrom), Tsv.decimal(input), Tsv.decimal(output),
        null, null, null);
  }

  private static String effectiveFrom(PriceOutcome outcome) {
    return outcome.priceEffectiveFrom() == null ? Tsv.NULL : Tsv.dateTime(outcome.priceEffectiveFrom());
  }
}
