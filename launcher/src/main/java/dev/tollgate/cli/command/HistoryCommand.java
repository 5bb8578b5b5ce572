package dev.tollgate.cli.command;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.cli.Settings;
import dev.tollgate.workload.history.HistoryDatabase;
import dev.tollgate.workload.history.HistoryLoader;
import dev.tollgate.workload.history.HistoryPricer;
import dev.tollgate.workload.history.HistorySpec;
import dev.tollgate.workload.history.ProgressPrinter;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true, description = "Generate large priced usage histories in ClickHouse, to measure reports on them.",
    subcommands = {HistoryCommand.Generate.class})
public final class HistoryCommand {
  static final int REFUSED = 1;
  static final int FAILED = 2;

  @Command(name = "generate", mixinStandardHelpOptions = true, description = {
      "Generate a month of realistic usage, priced from the default catalog as the stream processor prices it,"
          + " straight into <database>.usage_events; the hourly and daily rollups fill as they do live.",
      "Tenants tenant-001…, 2–5 teams each, skewed users, chat with prompt caching, batch summaries, embeddings,"
          + " transcription, a local model, agent jobs of 1–5 calls, ~2%% errors, and credit notes.",
      "The same seed and options give the same events."})
  static final class Generate implements Callable<Integer> {
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);

    @Option(names = "--events", paramLabel = "N", required = true, description = "Events to generate, credit notes included.")
    long events;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (UTC) the events occur in (default: the current month, up to now).")
    YearMonth month;

    @Option(names = "--database", paramLabel = "DB", defaultValue = "tollgate_history",
        description = "ClickHouse database to fill (default ${DEFAULT-VALUE}); created with the live schema.")
    String database;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--tenants", paramLabel = "N", defaultValue = "20", description = "Tenants (default ${DEFAULT-VALUE}).")
    int tenants;

    @Option(names = "--users", paramLabel = "N", defaultValue = "2000", description = "Users, shared out among the tenants (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--replace", description = "Drop the database first. Without it, a database that holds events is left alone.")
    boolean replace;

    private final Settings settings;

    Generate(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() throws InterruptedException {
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
      HistorySpec spec;
      HistoryDatabase target;
      HistoryPricer pricer;
      ClickHouseHttp clickHouse = ClickHouseHttp.fromEnv(settings.env());
      try {
        spec = new HistorySpec(events, month == null ? YearMonth.from(now.atZone(ZoneOffset.UTC)) : month, seed, tenants, users, now);
        target = new HistoryDatabase(clickHouse, database);
        pricer = HistoryPricer.fromFile(settings.defaultCatalog());
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        return FAILED;
      } catch (IOException e) {
        System.err.println("cannot read the price catalog " + settings.defaultCatalog() + ": " + e.getMessage());
        return FAILED;
      }
      try {
        Integer refused = prepare(target);
        if (refused != null) {
          return refused;
        }
        HistoryLoader.Result result = new HistoryLoader(clickHouse, database, HistoryLoader.DEFAULT_BATCH_ROWS)
            .load(spec, pricer, new ProgressPrinter(System.err, spec.events(), PROGRESS_EVERY));
        printSummary(spec, result);
        return 0;
      } catch (ClickHouseException e) {
        System.err.println("history generation failed: " + e.getMessage() + " (./tollgate status shows whether the stack is up;"
            + " run again with --replace to start over)");
        return FAILED;
      }
    }

    /** The exit code when the database must not be written, null when it is ready. */
    private Integer prepare(HistoryDatabase target) {
      if (replace) {
        long live = target.liveEvents();
        if (live > 0) {
          System.err.printf(Locale.ROOT, "refusing to drop %s: %,d of its events came from Kafka through the writer,"
              + " not from history generate; choose another --database%n", database, live);
          return REFUSED;
        }
        target.drop();
      } else {
        long held = target.events();
        if (held > 0) {
          System.err.printf(Locale.ROOT, "%s already holds %,d events; adding more would mix two data sets."
              + " Use --replace to drop it first, or another --database%n", database, held);
          return REFUSED;
        }
      }
      target.create();
      return null;
    }

    private void printSummary(HistorySpec spec, HistoryLoader.Result r) {
      long perSecond = r.took().toMillis() == 0 ? r.events() : r.events() * 1000 / r.took().toMillis();
      System.out.printf(Locale.ROOT, "generated %,d events (%,d of them credit notes) of %s into %s in %s, %,d events/s%n",
          r.events(), r.adjustments(), spec.month(), database, ProgressPrinter.duration(r.took()), perSecond);
      System.out.printf(Locale.ROOT, "%d tenants, %,d users, occurred_at from %s to before %s%n",
          spec.tenants(), spec.users(), spec.start(), spec.end());
      System.out.println("total cost: " + r.totalCostUsd().toPlainString() + " USD (exact, credits included)");
      if (r.fallbackPriced() > 0 || r.unpriced() > 0) {
        System.out.printf(Locale.ROOT, "%,d events priced by the fallback and %,d unpriced: the catalog did not list"
            + " their models yet in %s%n", r.fallbackPriced(), r.unpriced(), spec.month());
      }
      System.out.println("reports: TOLLGATE_CLICKHOUSE_DATABASE=" + database + " ./tollgate report monthly --month " + spec.month());
    }
  }
}
