package dev.tollgate.cli.command.reprice;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.reprice.CatalogFingerprint;
import dev.tollgate.analytics.reprice.CorrectionSink;
import dev.tollgate.analytics.reprice.KafkaCorrectionSink;
import dev.tollgate.analytics.reprice.RepriceRange;
import dev.tollgate.analytics.reprice.RepriceResult;
import dev.tollgate.analytics.reprice.Repricer;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.kafka.PriceCatalogTopic;
import dev.tollgate.cli.kafka.TopicSetup;
import dev.tollgate.processor.budget.BudgetConfig;
import dev.tollgate.cli.report.Amounts;
import dev.tollgate.cli.report.ReportFormat;
import dev.tollgate.processor.PriceFallback;
import dev.tollgate.schemas.avro.CostCorrection;
import dev.tollgate.schemas.avro.PriceEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reprice", mixinStandardHelpOptions = true, description = {
    "Re-price the history in ClickHouse with the price catalog as it is now on Kafka, after an entry was added or"
        + " corrected with an earlier effective_from.",
    "Calls in the range are priced again exactly as the stream processor prices them; those whose cost, baseline"
        + " cost or price entry changed are rewritten in usage_events, the hourly and daily rollups follow, budgets get"
        + " a correction per scope and quarter hour on tollgate.usage.corrections, and reprice_runs records the run.",
    "A run that was interrupted is finished (or, if it had not finished scanning, dropped) by the next one."})
public final class RepriceCommand implements Callable<Integer> {
  static final int FAILED = 2;
  /** How long an unfinished run must have been silent before another run takes it over. */
  public static final String TAKEOVER_AFTER = "TOLLGATE_REPRICE_TAKEOVER_AFTER";

  @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day (UTC) whose calls are re-priced.")
  String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day (UTC), included; default: up to now.")
  String to;

  @Option(names = "--dry-run", description = "Show what would change; write nothing to ClickHouse or Kafka.")
  boolean dryRun;

  @Option(names = "--format", paramLabel = "F", defaultValue = "table",
      description = "table (default), csv or json. Tables round amounts to 6 decimals; csv and json have them exact.")
  String format;

  @Option(names = "--database", paramLabel = "DB", description = "ClickHouse database (default: TOLLGATE_CLICKHOUSE_DATABASE, else tollgate).")
  String database;

  private final Settings settings;

  RepriceCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    try {
      ReportFormat output = ReportFormat.parse(format);
      RepriceRange range = RepriceRange.parse(from, to, Instant.now());
      Duration takeOverAfter = settings.env().duration(TAKEOVER_AFTER, Duration.ofMinutes(10));
      PriceFallback fallback = ProcessorPricing.fallback(settings.env());
      List<PriceEntry> catalog = new PriceCatalogTopic(settings.kafkaBootstrap()).readAll();
      if (catalog.isEmpty()) {
        System.err.println("the price catalog on Kafka is empty: load it first with ./tollgate prices load FILE");
        return FAILED;
      }
      ProcessorPricing pricing = new ProcessorPricing(catalog, fallback);
      String fingerprint = CatalogFingerprint.of(catalog);
      String db = database != null ? database : settings.env().clickHouseDatabase();
      RepriceResult result = dryRun
          ? new Repricer(settings.env(), db, pricing, NOTHING_SENT, new ProgressLines(System.err), takeOverAfter)
              .dryRun(range, fingerprint)
          : apply(db, pricing, range, fingerprint, takeOverAfter);
      output.print(System.out, RepriceSections.header(result), RepriceSections.sections(result));
      return 0;
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println(e.getMessage());
      return FAILED;
    } catch (ClickHouseException e) {
      System.err.println("re-pricing failed: " + e.getMessage() + " (./tollgate status shows whether the stack is up;"
          + " run again to finish what was started)");
      return FAILED;
    } catch (ExecutionException e) {
      System.err.println("re-pricing failed: cannot create the topics on Kafka at " + settings.kafkaBootstrap() + ": "
          + e.getCause().getMessage());
      return FAILED;
    } catch (KafkaException e) {
      System.err.println("re-pricing failed: Kafka at " + settings.kafkaBootstrap() + ": " + e.getMessage()
          + " (./tollgate status shows whether the stack is up; run again to finish what was started)");
      return FAILED;
    }
  }

  private RepriceResult apply(String db, ProcessorPricing pricing, RepriceRange range, String fingerprint,
      Duration takeOverAfter) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()))) {
      TopicSetup.ensure(admin, settings.partitions(), BudgetConfig.fromEnv(settings.env()).partitions());
    }
    try (KafkaCorrectionSink sink = new KafkaCorrectionSink(settings.kafkaBootstrap(), settings.env().kafkaCompression())) {
      Repricer repricer = new Repricer(settings.env(), db, pricing, sink, new ProgressLines(System.err), takeOverAfter);
      Optional<RepriceResult> finished = repricer.finishInterrupted();
      finished.ifPresent(r -> System.err.println("reprice: finished interrupted run " + r.runId() + ": "
          + r.eventsChanged() + " events changed, " + Amounts.exact(r.deltaUsd()) + " USD"));
      return repricer.run(range, fingerprint);
    }
  }

  private static final CorrectionSink NOTHING_SENT = new CorrectionSink() {
    @Override
    public void send(CostCorrection correction) {
      throw new IllegalStateException("a dry run sends no corrections");
    }

    @Override
    public void flush() {}
  };
}
