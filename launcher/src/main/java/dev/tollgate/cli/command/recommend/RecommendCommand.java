package dev.tollgate.cli.command.recommend;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.recommend.RecommendRules;
import dev.tollgate.analytics.recommend.RecommendWindow;
import dev.tollgate.analytics.recommend.Recommendations;
import dev.tollgate.analytics.recommend.Recommender;
import dev.tollgate.analytics.recommend.Substitutes;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.report.RecommendationReport;
import dev.tollgate.cli.report.ReportFormat;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "recommend", mixinStandardHelpOptions = true, description = {
    "Actions that would save money, found in the history in ClickHouse: switch short calls to a cheaper model,"
        + " cache repeated prompts, batch calls that come in jobs, trim prompts that dwarf their answers.",
    "Each with its saving per 30-day month in USD and percent, the figures it rests on, and what to do.",
    "Prices: the live catalog from Kafka, or deploy/prices/catalog.json when Kafka cannot be reached;"
        + " substitutes: deploy/prices/substitutes.json (TOLLGATE_SUBSTITUTES_FILE)."})
public final class RecommendCommand implements Callable<Integer> {
  static final int FAILED = 2;

  @Option(names = "--tenant", paramLabel = "T", description = "Only this tenant (default: every tenant).")
  String tenant;

  @Option(names = "--days", paramLabel = "N", defaultValue = "30", description = "Days of history to read (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--at", paramLabel = "DATE", description = "End of the window: a date (its start, UTC) or an instant;"
      + " default the start of the current hour. Prices are those in effect then.")
  String at;

  @Option(names = "--min-saving-usd", paramLabel = "X", defaultValue = "10",
      description = "Hide recommendations saving less per month (default ${DEFAULT-VALUE}).")
  BigDecimal minSavingUsd;

  @Option(names = "--min-saving-pct", paramLabel = "P", defaultValue = "5",
      description = "Hide recommendations saving less than this share of the spend they touch (default ${DEFAULT-VALUE}).")
  BigDecimal minSavingPct;

  @Option(names = "--trim-pct", paramLabel = "P", defaultValue = "25",
      description = "Share of the uncached input a prompt trim cuts (default ${DEFAULT-VALUE}).")
  BigDecimal trimPct;

  @Option(names = "--format", paramLabel = "F", defaultValue = "table",
      description = "table (default), csv or json. Tables round amounts to 6 decimals; csv and json have them exact.")
  String format;

  private final Settings settings;
  private final Clock clock;

  public RecommendCommand(Settings settings) {
    this(settings, Clock.systemUTC());
  }

  RecommendCommand(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    try {
      ReportFormat output = ReportFormat.parse(format);
      RecommendRules rules = RecommendRules.DEFAULTS.withMinSavingUsd(minSavingUsd).withMinSavingPct(minSavingPct).withTrimPct(trimPct);
      Instant end = at == null ? clock.instant().truncatedTo(ChronoUnit.HOURS) : RecommendWindow.parseAt(at);
      RecommendWindow window = RecommendWindow.lastDays(end, days);
      Optional<String> only = Optional.ofNullable(tenant).filter(t -> !t.isBlank()).map(String::trim);
      Substitutes substitutes = SubstitutesFile.load(settings, System.err);
      CatalogSource.Catalog catalog = CatalogSource.load(settings, System.err);
      Recommendations found = recommend(window, only, rules, catalog, substitutes);
      RecommendationReport.print(System.out, output, header(window, only, catalog), found);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return FAILED;
    } catch (ClickHouseException e) {
      System.err.println("cannot read the history: " + e.getMessage() + " (./tollgate status shows whether the stack is up)");
      return FAILED;
    }
  }

  private Recommendations recommend(RecommendWindow window, Optional<String> only, RecommendRules rules,
                                    CatalogSource.Catalog catalog, Substitutes substitutes) {
    long started = System.nanoTime();
    Recommender recommender = new Recommender(ClickHouseHttp.forCommand(settings.env()), settings.env().clickHouseDatabase(),
        catalog.entries(), substitutes);
    Recommendations found = recommender.recommend(window, only, rules, step -> System.err.println(seconds(started) + " " + step));
    System.err.println(seconds(started) + " done: " + found.shown().size() + " shown, " + found.hidden() + " below the floors");
    return found;
  }

  private static String seconds(long startedNanos) {
    return String.format("[%.1f s]", (System.nanoTime() - startedNanos) / 1e9);
  }

  private Map<String, String> header(RecommendWindow window, Optional<String> only, CatalogSource.Catalog catalog) {
    Map<String, String> header = new LinkedHashMap<>();
    header.put("report", "recommend");
    header.put("from", window.from().toString());
    header.put("to", window.to().toString());
    header.put("tenant", only.orElse("all"));
    header.put("database", settings.env().clickHouseDatabase());
    header.put("prices", catalog.source());
    return header;
  }
}
