package dev.tollgate.cli.command.forecast;

import dev.tollgate.analytics.clickhouse.ClickHouseException;
import dev.tollgate.analytics.clickhouse.ClickHouseHttp;
import dev.tollgate.analytics.forecast.ForecastRequest;
import dev.tollgate.analytics.forecast.ScopeForecast;
import dev.tollgate.analytics.forecast.ScopeForecasts;
import dev.tollgate.analytics.forecast.SpendScope;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.kafka.BudgetTopics;
import dev.tollgate.cli.report.ForecastSections;
import dev.tollgate.cli.report.ReportFormat;
import dev.tollgate.schemas.avro.Budget;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "forecast", mixinStandardHelpOptions = true, subcommands = BacktestCommand.class, description = {
    "Spend projected to the end of the current day, week and month, with a prediction interval, from the hourly",
    "history in ClickHouse (weekly rhythm, level and trend), and the usage pattern of the scope with its evidence.",
    "Spend so far is exact and includes adjustments, as budgets count it; the model learns from calls only."})
public final class ForecastCommand implements Callable<Integer> {
  static final int FAILED = 2;

  @Option(names = "--tenant", paramLabel = "T", description = "Only this tenant.")
  String tenant;

  @Option(names = "--scope", paramLabel = "SCOPE",
      description = "team:X, user:U, feature:F, model:M (or model:provider/M), or budget:ID: the budget's scope, period and time zone, with its limit.")
  String scope;

  @Option(names = "--at", paramLabel = "INSTANT|DATE",
      description = "Forecast as of this instant, or the start of this date in --timezone, e.g. inside generated history; default now.")
  String at;

  @Option(names = "--weeks", paramLabel = "N", defaultValue = "8", description = "Weeks of history to learn from (default 8).")
  int weeks;

  @Option(names = "--confidence", paramLabel = "PCT", defaultValue = "80", description = "Coverage of the interval, 50 to 99 (default 80).")
  String confidence;

  @Option(names = "--timezone", paramLabel = "ZONE",
      description = "Where days, weeks and months start and the rhythm's hours are counted (default UTC; a budget's own zone with budget:ID).")
  String timezone;

  @Option(names = "--format", paramLabel = "F", defaultValue = "table", description = "table (default), csv or json.")
  String format;

  private final Settings settings;

  ForecastCommand(Settings settings) {
    this.settings = settings;
  }

  @Override
  public Integer call() {
    try {
      ReportFormat output = ReportFormat.parse(format);
      Optional<Budget> budget = budget();
      ZoneId zone = zone(budget);
      Instant now = Instant.now();
      SpendScope spendScope = budget.map(b -> SpendScope.of(b.getScope())).orElseGet(() -> SpendScope.parse(tenant, scope));
      ForecastRequest request = new ForecastRequest(spendScope, ForecastArguments.at(at, zone, now), zone, weeks,
          ForecastArguments.confidence(confidence), now);
      ScopeForecast forecast = new ScopeForecasts(ClickHouseHttp.forCommand(settings.env()), settings.env().clickHouseDatabase())
          .forecast(request);
      if (forecast.outlook().history().hours() == 0) {
        System.err.println("no spend of " + request.scope().describe() + " from " + request.historyFrom() + " to " + request.historyTo()
            + " in database " + settings.env().clickHouseDatabase() + "; ./tollgate report by --dimension feature shows what there is");
      }
      output.print(System.out, ForecastSections.header(forecast, budget),
          List.of(ForecastSections.horizons(forecast, budget), ForecastSections.pattern(forecast.pattern())));
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return FAILED;
    } catch (ClickHouseException e) {
      System.err.println("cannot read the history: " + e.getMessage() + " (./tollgate status shows whether the stack is up)");
      return FAILED;
    } catch (KafkaUnavailable e) {
      System.err.println(e.getMessage() + " (./tollgate status shows whether the stack is up)");
      return FAILED;
    }
  }

  /** The budget of {@code --scope budget:ID}, read from Kafka; empty without one. */
  private Optional<Budget> budget() {
    if (scope == null || !scope.trim().startsWith("budget:")) {
      return Optional.empty();
    }
    String id = scope.trim().substring("budget:".length()).trim();
    if (id.isEmpty()) {
      throw new IllegalArgumentException("--scope budget:ID needs the budget's id, got \"" + scope + "\"");
    }
    Map<String, Budget> budgets;
    try {
      budgets = new BudgetTopics(settings.env().kafkaBootstrap()).budgets();
    } catch (RuntimeException e) {
      throw new KafkaUnavailable("cannot read budget " + id + ": Kafka at " + settings.env().kafkaBootstrap() + ": " + e.getMessage());
    }
    Budget budget = budgets.get(id);
    if (budget == null) {
      throw new IllegalArgumentException("no budget " + id + (budgets.isEmpty() ? "; there are no budgets" : "; ./tollgate budgets list shows them"));
    }
    if (tenant != null && !tenant.isBlank() && !tenant.trim().equals(budget.getScope().getTenantId())) {
      throw new IllegalArgumentException("--tenant " + tenant.trim() + " is not the tenant of budget " + id + " ("
          + budget.getScope().getTenantId() + ")");
    }
    return Optional.of(budget);
  }

  private ZoneId zone(Optional<Budget> budget) {
    if (budget.isPresent()) {
      if (timezone != null) {
        throw new IllegalArgumentException("--timezone does not go with --scope budget:ID: the budget's periods are in its own zone, "
            + budget.get().getTimezone());
      }
      return ZoneId.of(budget.get().getTimezone());
    }
    return timezone == null ? ZoneId.of("UTC") : ForecastArguments.zone(timezone);
  }

  private static final class KafkaUnavailable extends RuntimeException {
    KafkaUnavailable(String message) {
      super(message);
    }
  }
}
