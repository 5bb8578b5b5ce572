package dev.tollgate.analytics.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/** A tenant's invoice for a month: usage lines, then adjustment lines, and their totals. */
public record Invoice(String tenantId, YearMonth month, BigDecimal markupPct, List<InvoiceLine> lines) {
  public Invoice {
    lines = List.copyOf(lines);
  }

  /** The exact net cost; equals the tenant's net spend in {@code report monthly}. */
  public BigDecimal costUsd() {
    return lines.stream().map(InvoiceLine::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The amount billed: the sum of the lines as billed, each already in cents. */
  public BigDecimal amountUsd() {
    return lines.stream().map(InvoiceLine::amountUsd).reduce(BigDecimal.ZERO.setScale(BillingExport.CENTS), BigDecimal::add);
  }

  public long requests() {
    return lines.stream().mapToLong(InvoiceLine::requests).sum();
  }
}
