package dev.tollgate.analytics.billing;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.analytics.report.Adjustment;
import dev.tollgate.analytics.report.EventQueries;
import dev.tollgate.analytics.report.ReportRange;
import dev.tollgate.analytics.report.internal.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Invoices for a month (UTC), read from the raw table with {@code FINAL}: each event once, whatever
 * the rollups say. The reports read the rollups; that both agree to the last 1e-12 USD is what the
 * reconciliation test checks.
 */
public final class BillingExport {
  static final int CENTS = 2;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private final ClickHouseHttp clickHouse;
  private final String table;
  private final EventQueries events;

  public BillingExport(ClickHouseHttp clickHouse, String database) {
    this.clickHouse = clickHouse;
    this.table = database + ".usage_events";
    this.events = new EventQueries(clickHouse, database);
  }

  /** One invoice per tenant with usage or adjustments in the month, by tenant id. */
  public List<Invoice> export(YearMonth month, Optional<String> tenant, InvoiceGrouping per, BigDecimal markupPct) {
    if (markupPct.signum() < 0) {
      throw new IllegalArgumentException("--markup-pct must not be negative, got " + markupPct.toPlainString());
    }
    ReportRange range = ReportRange.month(month);
    Map<String, List<InvoiceLine>> lines = new TreeMap<>();
    usageLines(range, tenant, per, markupPct).forEach(l -> lines.computeIfAbsent(l.tenantId(), t -> new ArrayList<>()).add(l));
    for (Adjustment a : events.adjustments(range, tenant)) {
      lines.computeIfAbsent(a.tenantId(), t -> new ArrayList<>()).add(adjustmentLine(a));
    }
    List<Invoice> invoices = new ArrayList<>();
    lines.forEach((t, l) -> invoices.add(new Invoice(t, month, markupPct, l)));
    return invoices;
  }

  private List<InvoiceLine> usageLines(ReportRange range, Optional<String> tenant, InvoiceGrouping per, BigDecimal markupPct) {
    String item = per == InvoiceGrouping.MODEL ? "concat(provider, '/', model)" : "feature";
    Rows rows = clickHouse.query("SELECT tenant_id AS t, " + item + " AS item, count() AS r, sum(input_tokens) AS it,"
        + " sum(cached_input_tokens) AS ct, sum(output_tokens) AS ot, toString(sum(audio_seconds)) AS audio,"
        + " toString(sum(cost_usd)) AS usd FROM " + table + " FINAL"
        + " WHERE operation != 'adjustment' AND " + Sql.events(range, tenant)
        + " GROUP BY t, item ORDER BY t, sum(cost_usd) DESC, item");
    List<InvoiceLine> out = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      BigDecimal cost = new BigDecimal(rows.get(i, "usd"));
      BigDecimal markup = cost.multiply(markupPct).divide(HUNDRED);
      BigDecimal audioSeconds = rows.get(i, "audio") == null ? BigDecimal.ZERO : new BigDecimal(rows.get(i, "audio"));
      out.add(new InvoiceLine(rows.get(i, "t"), InvoiceLine.Kind.USAGE, rows.get(i, "item"), Long.parseLong(rows.get(i, "r")),
          Long.parseLong(rows.get(i, "it")), Long.parseLong(rows.get(i, "ct")), Long.parseLong(rows.get(i, "ot")),
          audioSeconds.signum() == 0 ? null : audioSeconds.divide(BigDecimal.valueOf(60), 3, RoundingMode.HALF_UP),
          cost, markup, billed(cost.add(markup)), null, null, null));
    }
    return out;
  }

  private static InvoiceLine adjustmentLine(Adjustment a) {
    return new InvoiceLine(a.tenantId(), InvoiceLine.Kind.ADJUSTMENT, a.reference(), 0, 0, 0, 0, null,
        a.amountUsd(), BigDecimal.ZERO, billed(a.amountUsd()), a.occurredAt(), a.reason(), a.reference());
  }

  /** Rounded to the cent, half up (away from zero), as invoices are. */
  static BigDecimal billed(BigDecimal exact) {
    return exact.setScale(CENTS, RoundingMode.HALF_UP);
  }
}
