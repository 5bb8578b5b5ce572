package dev.tollgate.ingest.example;

import dev.tollgate.ingest.guard.BudgetGuard;
import dev.tollgate.ingest.guard.GuardConfig;
import dev.tollgate.ingest.sdk.Attribution;
import dev.tollgate.ingest.sdk.RecorderConfig;
import dev.tollgate.ingest.sdk.Scope;
import dev.tollgate.ingest.sdk.TollgateRecorder;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small service answering contract questions through a simulated OpenAI model, with the budget
 * guard in front of each call and the SDK recording each call's usage to Kafka. Reads
 * {@code TOLLGATE_KAFKA_BOOTSTRAP} (and the guard's and recorder's other variables).
 *
 * <p>Arguments: {@code [tenant] [team] [calls]}, by default {@code acme search 20}, a tenant and team
 * with budgets in {@code deploy/budgets/demo.json}.
 */
public final class ExampleService {
  private static final Logger LOG = LoggerFactory.getLogger(ExampleService.class);
  private static final List<String> QUESTIONS = List.of(
      "When does the supply contract with Initech renew, and how much notice do we need to give?",
      "Summarise the liability cap in the master services agreement in two sentences.",
      "Which clauses of the NDA survive termination?");

  private ExampleService() {}

  public static void main(String[] args) throws Exception {
    String tenant = args.length > 0 ? args[0] : "acme";
    String team = args.length > 1 ? args[1] : "search";
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    try (BudgetGuard guard = BudgetGuard.start(GuardConfig.fromEnv());
        TollgateRecorder recorder = TollgateRecorder.start(RecorderConfig.fromEnv(),
            error -> LOG.warn("Usage not recorded: {}", error))) {
      if (!guard.awaitReady(Duration.ofSeconds(15))) {
        LOG.warn("The guard has not read all budget statuses yet; its first answers may be too lenient");
      }
      Scope service = recorder.scope(Attribution.tenant(tenant).withTeam(team).withFeature("contract-qa"));
      GuardedChat chat = new GuardedChat(guard, service, new SimulatedOpenAi(), "gpt-4o", 400);
      for (int i = 0; i < calls; i++) {
        GuardedChat.Answer answer = chat.ask("user-" + (i % 4), QUESTIONS.get(i % QUESTIONS.size()));
        System.out.println("call " + (i + 1) + ": " + answer.summary());
      }
      recorder.close();
      System.out.println("usage recorder: " + recorder.metrics());
    }
  }
}
