package dev.tollgate.cli.command;

import dev.tollgate.analytics.clickhouse.Rows;
import dev.tollgate.cli.Settings;
import dev.tollgate.cli.kafka.BudgetTopics;
import dev.tollgate.cli.report.BudgetTable;
import dev.tollgate.cli.report.TextTable;
import dev.tollgate.schemas.avro.Budget;
import dev.tollgate.schemas.avro.BudgetStatus;
import dev.tollgate.schemas.json.BudgetJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "budgets", mixinStandardHelpOptions = true, description = "Apply, list or remove budgets.",
    subcommands = {BudgetsCommand.Apply.class, BudgetsCommand.ListBudgets.class, BudgetsCommand.Remove.class})
public final class BudgetsCommand {
  static final int KAFKA_FAILED = 2;

  @Command(name = "apply", mixinStandardHelpOptions = true, description = {"Apply a budget file (JSON array of budgets); a budget with an id that exists is replaced.",
      "The file is all or nothing: if any budget is invalid, every error is listed and nothing is applied."})
  static final class Apply implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    private final Settings settings;

    Apply(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() throws Exception {
      String json;
      try {
        json = Files.readString(file);
      } catch (IOException e) {
        System.out.println("cannot read " + file + ": " + e.getMessage());
        return 1;
      }
      BudgetJson.Budgets parsed = BudgetJson.parse(json, Instant.now());
      if (!parsed.errors().isEmpty()) {
        parsed.errors().forEach(e -> System.out.println(e.index() < 0 ? file + ": " + e.violation() : e.toString()));
        System.out.println("applied 0 budgets: " + parsed.errors().size() + " invalid");
        return 1;
      }
      try {
        new BudgetTopics(settings.kafkaBootstrap()).publish(parsed.budgets());
      } catch (Exception e) {
        return kafkaFailed(settings, "not every budget was applied (applying the file again is safe)", e);
      }
      System.out.println("applied " + parsed.budgets().size() + " budgets"
          + (parsed.budgets().isEmpty() ? "" : ": " + parsed.budgets().stream().map(Budget::getBudgetId)
              .collect(Collectors.joining(", "))));
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = {"Print the budgets and where each stands in its current period.",
      "Spend, percent and state are '-' until the budget processor has reported on the budget."})
  static final class ListBudgets implements Callable<Integer> {
    @Option(names = "--json", description = "One JSON object per line: the budget as in a budget file, plus its status.")
    boolean json;

    private final Settings settings;

    ListBudgets(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() {
      Map<String, Budget> budgets;
      Map<String, BudgetStatus> statuses;
      try {
        BudgetTopics topics = new BudgetTopics(settings.kafkaBootstrap());
        budgets = topics.budgets();
        statuses = topics.statuses();
      } catch (RuntimeException e) {
        return kafkaFailed(settings, "cannot read the budgets", e);
      }
      if (json) {
        budgets.values().forEach(b -> System.out.println(BudgetTable.jsonLine(b, statuses.get(b.getBudgetId()))));
        return 0;
      }
      if (budgets.isEmpty()) {
        System.out.println("no budgets; ./tollgate budgets apply FILE adds some");
        return 0;
      }
      Rows rows = BudgetTable.rows(budgets, statuses, Instant.now());
      TextTable.print(System.out, "Budgets (" + budgets.size() + ")", rows, BudgetTable.RIGHT_ALIGNED);
      return 0;
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a budget: writes its tombstone on tollgate.budgets.")
  static final class Remove implements Callable<Integer> {
    @Parameters(paramLabel = "ID", description = "The budget_id.")
    String budgetId;

    private final Settings settings;

    Remove(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Integer call() {
      BudgetTopics topics = new BudgetTopics(settings.kafkaBootstrap());
      try {
        Map<String, Budget> budgets = topics.budgets();
        if (!budgets.containsKey(budgetId)) {
          System.out.println("no budget " + budgetId + (budgets.isEmpty() ? "; there are no budgets"
              : "; the budgets are " + some(budgets.keySet())));
          return 1;
        }
        topics.remove(budgetId);
      } catch (Exception e) {
        return kafkaFailed(settings, "budget " + budgetId + " was not removed", e);
      }
      System.out.println("removed budget " + budgetId);
      return 0;
    }
  }

  private static String some(Collection<String> ids) {
    int shown = 10;
    String listed = ids.stream().limit(shown).collect(Collectors.joining(", "));
    return ids.size() <= shown ? listed : listed + ", … (" + ids.size() + " in all; ./tollgate budgets list)";
  }

  private static int kafkaFailed(Settings settings, String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    System.err.println(what + ": Kafka at " + settings.kafkaBootstrap() + ": " + e.getMessage()
        + " (./tollgate status shows whether the stack is up)");
    return KAFKA_FAILED;
  }
}
