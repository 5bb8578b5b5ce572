package dev.tollgate.analytics.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.clickhouse.Schema;
import dev.tollgate.analytics.report.MonthlyReport;
import dev.tollgate.analytics.report.MonthlyReports;
import dev.tollgate.analytics.report.ReportData;
import dev.tollgate.analytics.report.SpendLine;
import dev.tollgate.stack.testing.TestStack;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The billing export against the real ClickHouse, reconciled with {@code report monthly}. */
class BillingExportIT {
  private static final String DATABASE = "tollgate_it_billing_" + UUID.randomUUID().toString().replace("-", "");
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static ClickHouseHttp clickHouse;

  @BeforeAll
  static void loadHistory() {
    clickHouse = new ClickHouseHttp(TestStack.clickHouse().httpUrl(), "default", "");
    Schema.apply(clickHouse, DATABASE);
    ReportData.insert(clickHouse, DATABASE, ReportData.events(20_000, 7));
  }

  @AfterAll
  static void dropDatabase() {
    clickHouse.execute("DROP DATABASE IF EXISTS " + DATABASE);
  }

  @Test
  void shouldReconcileEveryTenantInvoiceWithTheMonthlyReportToTheLastUnit() {
    // when
    List<Invoice> invoices = new BillingExport(clickHouse, DATABASE)
        .export(NOVEMBER, Optional.empty(), InvoiceGrouping.MODEL, BigDecimal.ZERO);

    // then
    assertThat(invoices).extracting(Invoice::tenantId).containsExactly("acme", "globex", "initech");
    MonthlyReports reports = new MonthlyReports(clickHouse, DATABASE, Clock.systemUTC());
    BigDecimal allTenants = BigDecimal.ZERO;
    for (Invoice invoice : invoices) {
      MonthlyReport report = reports.build(NOVEMBER, Optional.of(invoice.tenantId()));
      assertThat(invoice.costUsd()).as(invoice.tenantId()).isEqualByComparingTo(report.netUsd());
      assertThat(invoice.requests()).isEqualTo(report.calls().requests());
      for (SpendLine model : report.byModel()) {
        InvoiceLine line = usageLine(invoice, model.key().get(0) + "/" + model.key().get(1));
        assertThat(line.costUsd()).isEqualByComparingTo(model.usage().costUsd());
        assertThat(line.requests()).isEqualTo(model.usage().requests());
        assertThat(line.inputTokens()).isEqualTo(model.usage().inputTokens());
        assertThat(line.outputTokens()).isEqualTo(model.usage().outputTokens());
      }
      assertThat(invoice.lines().stream().filter(l -> l.kind() == InvoiceLine.Kind.ADJUSTMENT).toList())
          .hasSize(report.adjustments().size())
          .allSatisfy(l -> assertThat(l.reason()).isNotBlank());
      allTenants = allTenants.add(invoice.costUsd());
    }
    assertThat(allTenants).isEqualByComparingTo(reports.build(NOVEMBER, Optional.empty()).netUsd());
  }

  @Test
  void shouldAddTheMarkupToUsageLinesOnlyAndBillInCents() {
    // given
    BigDecimal markup = new BigDecimal("12.5");

    // when
    Invoice plain = only(new BillingExport(clickHouse, DATABASE).export(NOVEMBER, Optional.of("acme"), InvoiceGrouping.FEATURE, BigDecimal.ZERO));
    Invoice marked = only(new BillingExport(clickHouse, DATABASE).export(NOVEMBER, Optional.of("acme"), InvoiceGrouping.FEATURE, markup));

    // then
    assertThat(marked.costUsd()).isEqualByComparingTo(plain.costUsd());
    for (InvoiceLine line : marked.lines()) {
      assertThat(line.amountUsd().scale()).isEqualTo(2);
      if (line.kind() == InvoiceLine.Kind.USAGE) {
        assertThat(line.item()).isIn("chat", "summaries", "notes");
        BigDecimal exact = line.costUsd().multiply(new BigDecimal("1.125"));
        assertThat(line.amountUsd()).isEqualByComparingTo(exact.setScale(2, RoundingMode.HALF_UP));
        assertThat(line.markupUsd()).isEqualByComparingTo(line.costUsd().multiply(new BigDecimal("0.125")));
      } else {
        assertThat(line.amountUsd()).isEqualByComparingTo(line.costUsd().setScale(2, RoundingMode.HALF_UP));
        assertThat(line.markupUsd()).isZero();
      }
    }
    assertThat(marked.amountUsd()).isEqualByComparingTo(
        marked.lines().stream().map(InvoiceLine::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Test
  void shouldRefuseANegativeMarkup() {
    // then
    assertThatThrownBy(() -> new BillingExport(clickHouse, DATABASE)
        .export(NOVEMBER, Optional.empty(), InvoiceGrouping.MODEL, new BigDecimal("-1")))
        .hasMessageContaining("--markup-pct must not be negative");
  }

  private static Invoice only(List<Invoice> invoices) {
    assertThat(invoices).hasSize(1);
    return invoices.get(0);
  }

  private static InvoiceLine usageLine(Invoice invoice, String item) {
    return invoice.lines().stream().filter(l -> l.kind() == InvoiceLine.Kind.USAGE && l.item().equals(item))
        .findFirst().orElseThrow(() -> new AssertionError("no line " + item + " on " + invoice.tenantId()));
  }
}
