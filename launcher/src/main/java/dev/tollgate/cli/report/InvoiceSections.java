package dev.tollgate.cli.report;

import dev.tollgate.analytics.billing.Invoice;
import dev.tollgate.analytics.billing.InvoiceLine;
import dev.tollgate.analytics.clickhouse.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Invoices as an export: every line of every tenant, then one total per tenant. */
public final class InvoiceSections {
  private static final Set<String> NUMERIC = Set.of("requests", "input_tokens", "cached_input_tokens", "output_tokens",
      "audio_minutes", "cost_usd", "markup_usd", "amount_usd", "markup_pct", "lines");

  private InvoiceSections() {}

  public static List<Section> of(List<Invoice> invoices) {
    return List.of(lines(invoices), totals(invoices));
  }

  private static Section lines(List<Invoice> invoices) {
    List<List<String>> rows = new ArrayList<>();
    for (Invoice invoice : invoices) {
      for (InvoiceLine l : invoice.lines()) {
        rows.add(List.of(l.tenantId(), invoice.month().toString(), l.kind().name().toLowerCase(Locale.ROOT), l.item(),
            Long.toString(l.requests()), Long.toString(l.inputTokens()), Long.toString(l.cachedInputTokens()),
            Long.toString(l.outputTokens()), l.audioMinutes() == null ? "" : l.audioMinutes().toPlainString(),
            Amounts.exact(l.costUsd()), Amounts.exact(l.markupUsd()), l.amountUsd().toPlainString(),
            l.occurredAt() == null ? "" : l.occurredAt().toString(), l.reason() == null ? "" : l.reason(),
            l.reference() == null ? "" : l.reference()));
      }
    }
    return new Section("lines", "Invoice lines", new Rows(List.of("tenant", "month", "kind", "item", "requests",
        "input_tokens", "cached_input_tokens", "output_tokens", "audio_minutes", "cost_usd", "markup_usd", "amount_usd",
        "occurred_at", "reason", "reference"), rows), NUMERIC);
  }

  private static Section totals(List<Invoice> invoices) {
    List<List<String>> rows = new ArrayList<>();
    for (Invoice i : invoices) {
      rows.add(List.of(i.tenantId(), i.month().toString(), Integer.toString(i.lines().size()), Long.toString(i.requests()),
          Amounts.exact(i.costUsd()), i.markupPct().toPlainString(), i.amountUsd().toPlainString()));
    }
    return new Section("totals", "Totals per tenant (amount = the lines as billed, in cents)", new Rows(List.of("tenant",
        "month", "lines", "requests", "cost_usd", "markup_pct", "amount_usd"), rows), NUMERIC);
  }
}
