package dev.tollgate.cli.command;

import dev.tollgate.alerting.AlertingConfig;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.Tollgate;
import dev.tollgate.cli.demo.DemoWorkloadFile;
import dev.tollgate.cli.kafka.BudgetTopics;
import dev.tollgate.cli.kafka.ConsumerLag;
import dev.tollgate.cli.report.SpendReport;
import dev.tollgate.cli.service.LocalStack;
import dev.tollgate.ingest.UsageProducer;
import dev.tollgate.ingest.publish.JsonLinesPublisher;
import dev.tollgate.ingest.publish.KafkaEventSink;
import dev.tollgate.ingest.publish.PublishReport;
import dev.tollgate.schemas.Topics;
import dev.tollgate.schemas.json.BudgetJson;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", description = "Start the local stack, publish a realistic workload and print spend read back from ClickHouse.")
public final class DemoCommand implements Callable<Integer> {
  private static final Duration WAIT_LIMIT = Duration.ofMinutes(5);
  /** Statuses go out every 200 ms and the alert writer flushes within a second or two. */
  private static final Duration ALERT_SETTLE = Duration.ofSeconds(3);
  /** Longer than the local stack's digest interval of info alerts (10 s). */
  private static final Duration DELIVERY_WAIT = Duration.ofSeconds(45);

  @Option(names = "--events", defaultValue = "20000", description = "Model calls to generate (default ${DEFAULT-VALUE}).")
  int events;

  private final Settings settings;

  public DemoCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() throws Exception {
    LocalStack stack = new LocalStack(settings, System.out);
    stack.up();
    applyDemoBudgets();
    String runId = "demo-" + Instant.now().getEpochSecond();
    Path file = settings.dataDir().resolve("demo").resolve(runId + ".jsonl");
    DemoWorkloadFile.Contents contents = DemoWorkloadFile.write(file, runId, events, Instant.now());
    System.out.printf("%nworkload %s: %,d lines = %,d calls (%,d to a model missing from the catalog, one credit note),"
        + " %,d producer retries, %,d malformed lines%n", file, contents.lines(), contents.uniqueEvents(),
        contents.unknownModel(), contents.retries(), contents.malformed());
    PublishReport report = publish(file);
    report.rejected().forEach(r -> System.out.println("  rejected " + r));
    System.out.println("publish: " + report.summary());
    if (report.failed() > 0) {
      System.out.println("the broker did not take " + report.failed() + " events: " + report.firstFailure());
      return 2;
    }
    ClickHouseHttp clickHouse = stack.clickHouse();
    String where = "event_id LIKE '" + runId + "-%'";
    if (!waitForClickHouse(clickHouse, where, contents.uniqueEvents())) {
      System.out.println("not every event reached ClickHouse within " + WAIT_LIMIT.toMinutes()
          + " minutes; ./tollgate status shows where they are, logs are in " + settings.dataDir().resolve("logs"));
      return 1;
    }
    new SpendReport(clickHouse, settings.env().clickHouseDatabase()).print(System.out, where);
    budgetsAndAlerts();
    deliveredAlerts(stack);
    whereTheDataIs(runId);
    return 0;
  }

  /** Applied on every run; re-applying an unchanged budget raises nothing again. */
  private void applyDemoBudgets() throws Exception {
    BudgetJson.Budgets read = BudgetJson.parse(Files.readString(settings.demoBudgets()), Instant.now());
    if (!read.errors().isEmpty()) {
      throw new IllegalStateException("invalid demo budgets in " + settings.demoBudgets() + ": " + read.errors());
    }
    new BudgetTopics(settings.kafkaBootstrap()).publish(read.budgets());
    System.out.printf("budgets: applied %d demo budgets from %s%n", read.budgets().size(), settings.demoBudgets());
  }

  /** The budgets' statuses and the alerts, once the statuses caught up and the alerts reached ClickHouse. */
  private void budgetsAndAlerts() throws InterruptedException {
    Thread.sleep(ALERT_SETTLE.toMillis());
    System.out.println();
    System.out.println("Budgets (./tollgate budgets list)");
    Tollgate.commandLine(settings).execute("budgets", "list");
    System.out.println();
    System.out.println("Alerts (./tollgate alerts; also in ClickHouse " + settings.env().clickHouseDatabase() + ".alerts)");
    Tollgate.commandLine(settings).execute("alerts", "--limit", "20");
  }

  /**
   * What reached the local webhook receiver through the routes file, once the alerting service has
   * committed every alert: it commits only after delivery, info alerts after their digest.
   */
  private void deliveredAlerts(LocalStack stack) throws Exception {
    String group = settings.env().string(AlertingConfig.GROUP, AlertingConfig.DEFAULT_GROUP);
    Instant deadline = Instant.now().plus(DELIVERY_WAIT);
    try (Admin admin = stack.admin()) {
      while (Instant.now().isBefore(deadline)
          && ConsumerLag.of(admin, group, Set.of(Topics.ALERTS.name())).getOrDefault(Topics.ALERTS.name(), 1L) > 0) {
        Thread.sleep(500);
      }
    }
    System.out.println();
    System.out.println("Delivered to the webhook receiver of " + AlertingConfig.fromEnv(settings.env()).routesFile()
        + " (./tollgate alerting received)");
    Tollgate.commandLine(settings).execute("alerting", "received", "--limit", "20");
  }

  private PublishReport publish(Path file) throws Exception {
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
         KafkaEventSink sink = new KafkaEventSink(new UsageProducer(settings.kafkaBootstrap()))) {
      return new JsonLinesPublisher(sink, Clock.systemUTC()).publish(lines, n -> { });
    }
  }

  private boolean waitForClickHouse(ClickHouseHttp clickHouse, String where, long expected) throws InterruptedException {
    String count = "SELECT count() AS n FROM " + settings.env().clickHouseDatabase() + ".usage_events FINAL WHERE " + where;
    Instant deadline = Instant.now().plus(WAIT_LIMIT);
    long seen = -1;
    while (Instant.now().isBefore(deadline)) {
      long n = Long.parseLong(clickHouse.query(count).get(0, "n"));
      if (n != seen) {
        System.out.printf("… %,d of %,d calls priced and in ClickHouse%n", n, expected);
        seen = n;
      }
      if (n >= expected) {
        return true;
      }
      Thread.sleep(500);
    }
    return false;
  }

  private void whereTheDataIs(String runId) {
    String db = settings.env().clickHouseDatabase();
    System.out.println();
    System.out.println("Where the data is");
    System.out.println("  ClickHouse  " + settings.clickHouseUrl() + "  database " + db
        + ": usage_events (one row per priced call; use FINAL), usage_hourly, usage_daily, alerts (use FINAL)");
    System.out.println("              curl -s " + settings.clickHouseUrl() + " --data-binary \"SELECT tenant_id, sum(cost_usd)"
        + " FROM " + db + ".usage_events FINAL GROUP BY tenant_id FORMAT PrettyCompact\"");
    System.out.println("  Kafka       " + settings.kafkaBootstrap()
        + "  tollgate.usage.raw, tollgate.usage.priced, tollgate.usage.rejected (with reasons), tollgate.prices,"
        + " tollgate.budgets, tollgate.budget.status, tollgate.alerts");
    System.out.println("  this run    events with event_id LIKE '" + runId + "-%'; files and logs under " + settings.dataDir());
  }
}
