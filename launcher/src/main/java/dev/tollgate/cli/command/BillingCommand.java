package dev.tollgate.cli.command;

import dev.tollgate.analytics.billing.BillingExport;
import dev.tollgate.analytics.billing.Invoice;
import dev.tollgate.analytics.billing.InvoiceGrouping;
import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.report.ReportRange;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.report.InvoiceSections;
import dev.tollgate.cli.report.ReportFormat;
import dev.tollgate.cli.report.Section;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "billing", mixinStandardHelpOptions = true, description = "Invoices from the history in ClickHouse.",
    subcommands = {BillingCommand.Export.class})
public final class BillingCommand {

  @Command(name = "export", mixinStandardHelpOptions = true, description = {
      "One invoice line per tenant and model (or feature) for a month (UTC), credits and refunds as their own lines,",
      "and a total per tenant. cost_usd is exact and adds up to report monthly's net spend; amount_usd is what is billed:",
      "cost plus markup, rounded half up to the cent per line. Adjustments carry no markup."})
  static final class Export implements Callable<Integer> {
    @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
    String month;

    @Option(names = "--tenant", paramLabel = "T", description = "Only this tenant's invoice.")
    String tenant;

    @Option(names = "--markup-pct", paramLabel = "P", defaultValue = "0", description = "Percent added to usage lines (default ${DEFAULT-VALUE}).")
    BigDecimal markupPct;

    @Option(names = "--per", paramLabel = "model|feature", defaultValue = "model", description = "What one usage line stands for (default ${DEFAULT-VALUE}).")
    String per;

    @Option(names = "--format", paramLabel = "F", defaultValue = "csv", description = "csv (default), json or table.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the export to FILE instead of printing it.")
    Path out;

    private final Settings settings;

    Export(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() throws IOException {
      List<Invoice> invoices;
      YearMonth m;
      ReportFormat f;
      try {
        m = ReportRange.parseMonth(month);
        f = ReportFormat.parse(format);
        invoices = new BillingExport(ClickHouseHttp.forCommand(settings.env()), settings.env().clickHouseDatabase())
            .export(m, Optional.ofNullable(tenant), InvoiceGrouping.parse(per), markupPct);
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return 2;
      } catch (ClickHouseException e) {
        System.err.println("cannot read the history: " + e.getMessage() + " (./tollgate status shows whether the stack is up)");
        return 2;
      }
      Map<String, String> header = new LinkedHashMap<>();
      header.put("export", "billing");
      header.put("month", m.toString());
      header.put("tenant", tenant == null ? "all" : tenant);
      header.put("per", InvoiceGrouping.parse(per).label());
      header.put("markup_pct", markupPct.toPlainString());
      List<Section> sections = InvoiceSections.of(invoices);
      if (out == null) {
        f.print(System.out, header, sections);
        return 0;
      }
      try (PrintStream file = new PrintStream(Files.newOutputStream(out), false, StandardCharsets.UTF_8)) {
        f.print(file, header, sections);
      }
      System.err.println(invoices.size() + " invoices, " + invoices.stream().mapToInt(i -> i.lines().size()).sum()
          + " lines written to " + out.toAbsolutePath());
      return 0;
    }
  }
}
